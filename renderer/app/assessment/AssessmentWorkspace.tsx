// The year-end self-assessment workspace. To be filled in.
import { observer } from 'mobx-react-lite';
import { MA } from '../../messages';

export const AssessmentWorkspace = observer(function AssessmentWorkspace() {
  return <main className="workspace">{MA.workspace}</main>;
});

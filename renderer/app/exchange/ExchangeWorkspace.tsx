// The export, backup and consolidation workspace. To be filled in.
import { observer } from 'mobx-react-lite';
import { MX } from '../../messages';

export const ExchangeWorkspace = observer(function ExchangeWorkspace() {
  return <main className="workspace">{MX.workspace}</main>;
});

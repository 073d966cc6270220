// The empty database's offer: a unit whose supervisor handed down a directory imports it and is set up at once.
import { observer } from 'mobx-react-lite';
import { MR } from '../../messages-review';
import { platform } from '../../platform';
import { EXCHANGE_FILTERS, openThrough } from '../../stores/exchange-files';
import { useStore } from '../store-context';

export const DirectoryOffer = observer(function DirectoryOffer() {
  const root = useStore();
  const pick = async () => {
    // the file is asked for first, while the click still counts as the user's (a browser opens no chooser later)
    const opened = await openThrough(platform, EXCHANGE_FILTERS);
    if (opened.kind === 'cancelled') return;
    if (!(await root.navigation.navigate({ screen: 'exchange', section: 'import' }))) return;
    const importer = root.exchange.importer;
    if (opened.kind === 'failed') importer.errors = [opened.message];
    else await importer.load(opened.file.name, opened.file.bytes);
  };
  return (
    <div className="directory-offer">
      <button type="button" className="primary" id="import-directory" onClick={() => void pick()}>
        {MR.importDirectory}
      </button>
      <p className="hint">{MR.importDirectoryHint}</p>
    </div>
  );
});

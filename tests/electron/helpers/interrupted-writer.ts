// Run by atomic-write.spec.ts in a child process: starts replacing a file, stops half-way through the bytes,
// reports it, and waits to be killed (SIGKILL: no cleanup code of ours runs, as in a crash or power cut).
import * as fs from 'node:fs';
import { writeFileAtomic } from '../../../electron/atomic-write';

const [target, size] = process.argv.slice(2);
const bytes = new Uint8Array(Number(size)).fill(0x4e);

void writeFileAtomic(target, bytes, {
  ops: {
    writeTemp: async (temp, b) => {
      const fd = fs.openSync(temp, 'wx');
      fs.writeSync(fd, b, 0, b.length / 2);
      fs.fsyncSync(fd);
      process.stdout.write(`half-written ${temp}\n`);
      await new Promise(() => setInterval(() => undefined, 1000));
    },
  },
});

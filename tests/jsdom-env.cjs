// jsdom lacks structuredClone, TextEncoder and TextDecoder, which fake-indexeddb and docx need.
const { TestEnvironment } = require('jest-environment-jsdom');
const util = require('node:util');
class Env extends TestEnvironment {
  async setup() {
    await super.setup();
    this.global.structuredClone = structuredClone;
    this.global.TextEncoder = util.TextEncoder;
    this.global.TextDecoder = util.TextDecoder;
  }
}
module.exports = Env;

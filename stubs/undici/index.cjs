'use strict'
/**
 * Stands in for undici in the action's bundle: tsconfig.json maps `undici` here, and ncc
 * resolves every import through tsconfig's paths, those of node_modules included.
 *
 * @actions/http-client (which @actions/core imports too) imports undici for one thing: the
 * ProxyAgent of `getAgentDispatcher`, a fetch dispatcher for Octokit. The action never calls it;
 * its requests go through node:http with the agents of `getAgent` (src/netiks/http.ts), proxy
 * settings included. Bundled, undici was 900 KB of a 1.4 MB bundle, and compiling and running
 * its modules took about 24 ms of every run's CPU, a quarter of a run's fixed cost.
 *
 * __tests__/undici-stub.test.ts fails when a bundled package imports anything else from undici,
 * and when the bundle holds undici again. Tests that import src/ directly use the real undici.
 */
class ProxyAgent {
  constructor() {
    throw new Error(
      'undici is not in this bundle (stubs/undici/index.cjs): @actions/http-client getAgentDispatcher cannot be used'
    )
  }
}

module.exports = { ProxyAgent }

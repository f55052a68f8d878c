// Starts unleash-server (installed by flags-vs-unleash.sh) on the platform's PostgreSQL, with the
// API tokens the benchmark uses. Environment: UNLEASH_DB_URL, UNLEASH_PORT.
const unleash = require('unleash-server');

unleash.start({
  db: { connectionString: process.env.UNLEASH_DB_URL, ssl: false, pool: { min: 2, max: 10 } },
  server: { port: Number(process.env.UNLEASH_PORT), enableRequestLogger: false },
  authentication: {
    initApiTokens: [
      { environment: '*', project: '*', secret: '*:*.fincafacil-bench-admin', type: 'admin', tokenName: 'bench-admin' },
      { environment: 'development', project: '*', secret: '*:development.fincafacil-bench-frontend', type: 'frontend', tokenName: 'bench-frontend' },
    ],
  },
  getLogger: () => ({ debug() {}, info() {}, warn() {}, error: console.error, fatal: console.error }),
  versionCheck: { enable: false },
  sendTelemetry: false,
}).then(() => console.log('unleash-server up on ' + process.env.UNLEASH_PORT));

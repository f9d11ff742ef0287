// A certificate authority made for one test run with openssl, and a loopback server certificate
// it signed: lets a test play a corporate proxy that re-signs TLS traffic.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ThrowawayCa {
  dir: string;
  /** PEM of the CA certificate, also written to `caPath` for NODE_EXTRA_CA_CERTS. */
  caPath: string;
  /** Server key and certificate for 127.0.0.1, localhost and emulator.test (reached through the test proxy), signed by the CA. */
  key: string;
  cert: string;
  remove(): void;
}

function openssl(cwd: string, ...args: string[]): void {
  try {
    execFileSync('openssl', args, { cwd, stdio: 'pipe' });
  } catch (error) {
    throw new Error(`openssl ${args[0]} failed while making the throw-away CA (is openssl installed?): ${String(error)}`);
  }
}

export function makeThrowawayCa(): ThrowawayCa {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-ca-'));
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(dir, 'req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Throwaway Corporate Proxy CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  openssl(dir, 'req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  fs.writeFileSync(path.join(dir, 'server.ext'),
    'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:emulator.test\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  openssl(dir, 'x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial',
    '-out', 'server.crt', '-days', '2', '-extfile', 'server.ext');
  return {
    dir,
    caPath: path.join(dir, 'ca.crt'),
    key: fs.readFileSync(path.join(dir, 'server.key'), 'utf8'),
    cert: fs.readFileSync(path.join(dir, 'server.crt'), 'utf8'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

// A local SMTP sink for the email journey: accepts every message on a
// loopback port and keeps envelope recipients and headers. Hand-written
// because the tests need only the receiving half of SMTP (no TLS, no auth)
// and a dependency-free sink starts in milliseconds.
import net from 'node:net';

export async function startSmtpSink() {
  const mails = [];
  let notify = () => {};
  const server = net.createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let data = null;
    let to = [];
    socket.write('220 sink ESMTP\r\n');
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data !== null) {
          if (line === '.') {
            mails.push(parse(to, data));
            data = null;
            to = [];
            socket.write('250 OK kept\r\n');
            notify();
          } else {
            data += `${line.startsWith('.') ? line.slice(1) : line}\r\n`;
          }
          continue;
        }
        const command = line.toUpperCase();
        if (command.startsWith('RCPT TO:')) {
          to.push(line.slice(8).trim().replace(/^<|>$/g, ''));
          socket.write('250 OK\r\n');
        } else if (command === 'DATA') {
          data = '';
          socket.write('354 go on\r\n');
        } else if (command === 'QUIT') {
          socket.end('221 bye\r\n');
        } else {
          socket.write('250 OK\r\n');
        }
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    mails,
    /** Resolves with the first mail matching `predicate` (fails after 15 s). */
    waitFor(predicate, timeout = 15_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no such mail; got ${JSON.stringify(mails, null, 1)}`)), timeout);
        const check = () => {
          const found = mails.find(predicate);
          if (found) { clearTimeout(timer); resolve(found); }
        };
        notify = check;
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

function parse(to, data) {
  const head = data.split('\r\n\r\n')[0].replace(/\r\n[ \t]+/g, ' ');
  const header = (name) => head
    .split('\r\n')
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim();
  return { to, subject: header('Subject'), listUnsubscribe: header('List-Unsubscribe'), raw: data };
}

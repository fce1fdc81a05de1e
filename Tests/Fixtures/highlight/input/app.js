// 설정을 읽는다
const port = process.env.PORT ?? 8080;
async function start() {
  const res = await fetch(`http://localhost:${port}/healthz`);
  return res.ok === true ? 'ok' : null;
}

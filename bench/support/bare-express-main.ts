/**
 * The baseline server of the HTTP sections: express (the product's own version) with one route,
 * `/answer`, and nothing else in front of it. GET answers the JSON of BENCH_ANSWER; POST parses a
 * JSON body as the API does, then answers the same JSON with 201. Started as a child process the
 * way the API is, it shows what Node and express cost on this machine, under the same load.
 */
import http from 'node:http';
import express from 'express';

const port = Number(process.env.PORT);
const answer: unknown = JSON.parse(process.env.BENCH_ANSWER ?? '{}');

const app = express();
app.disable('x-powered-by');
app.get('/answer', (_req, res) => {
  res.json(answer);
});
app.post('/answer', express.json({ limit: '1mb', strict: true }), (req, res) => {
  if (typeof req.body !== 'object' || req.body === null) {
    res.status(400).json({ error: 'a JSON object is expected' });
    return;
  }
  res.status(201).json(answer);
});

const server = http.createServer(app);
server.listen(port, '127.0.0.1', () => process.send?.({ ready: 'bare-express' }));
const stop = () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

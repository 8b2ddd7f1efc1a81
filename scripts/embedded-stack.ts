import { runStack } from './stack';

// `npm start`: the whole system on one machine, with its own Temporal server and database.
void runStack({ embedded: true });

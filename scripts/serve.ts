import { runStack } from './stack';

// `npm run serve`: only the API and the worker, against TEMPORAL_ADDRESS and MONGODB_URI.
void runStack({ embedded: false });

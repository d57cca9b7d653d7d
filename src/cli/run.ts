import { main } from './main.js';

// Entry point of `npm run nianbao` / `npm start`: exit status comes from main.
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

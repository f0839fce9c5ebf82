/// `app.js`: Starts a page: imports its module and lets it draw.
enum AppScript {
    static let source = #"""
// Starts the page named by the shell: imports its module and lets it draw.
import { get, problem } from './api.js';
import { say, show } from './dom.js';

const pages = ['catalog', 'product', 'contract', 'lineage', 'impact', 'governance', 'subjects'];
const page = document.body.dataset.page;

async function start() {
  const whoami = document.getElementById('whoami');
  if (whoami) get('/api/v1/whoami').then((me) => { whoami.textContent = `Signed in as ${me.name}`; }).catch(() => {});
  if (!pages.includes(page)) return;
  try {
    const module = await import(`./${page}.js`);
    await module.render(location.pathname.split('/').slice(3).map(decodeURIComponent));
    say('');
  } catch (error) {
    show(problem(error));
  }
}

start();
"""#
}

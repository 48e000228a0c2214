// Runs inside the reference page (Redoc 3). Returns what a reader can see of each operation.
//
// Redoc 3 renders a section only when it comes near the viewport, and an operation only when its
// route (#/<tag>/<operationid>) is open. So: scroll through every section until each tag section
// has listed its operations, then open each operation's route and read the rendered section.
(async () => {
  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
  const waitFor = async (find, timeoutMs) => {
    const end = performance.now() + timeoutMs;
    while (performance.now() < end) {
      const found = find();
      if (found) return found;
      await sleep(25);
    }
    return null;
  };
  const operationRoutes = () => [...new Set([...document.querySelectorAll(
      '[data-testid="items-navigation-list"] a[href^="#/"]')].map(a => a.getAttribute('href')))];

  // 1. Scroll until the list of operation routes stops growing (the page hydrates asynchronously).
  let routes = [];
  for (let round = 0, stableRounds = 0; round < 40 && stableRounds < 2; round++) {
    for (const section of document.querySelectorAll('[data-section-id]')) {
      section.scrollIntoView();
      await sleep(15);
    }
    const now = operationRoutes();
    stableRounds = now.length > 0 && now.length === routes.length ? stableRounds + 1 : 0;
    routes = now;
    await sleep(50);
  }

  // 2. Open each operation and read its heading and text as rendered.
  const operations = [];
  for (const route of routes) {
    location.hash = route;
    const sectionId = route.slice(1);
    // Rendered and visible: innerText is only what a reader can see (hidden sections have none).
    const section = await waitFor(() => {
      const candidate = document.querySelector(
          '[data-item-kind="httpItem"][data-section-id="' + CSS.escape(sectionId) + '"]');
      const heading = candidate && candidate.querySelector('h2');
      if (!heading) return null;
      candidate.scrollIntoView();
      return candidate.innerText.includes(heading.textContent.trim()) ? candidate : null;
    }, 5000);
    operations.push({
      route: route,
      heading: section ? section.querySelector('h2').textContent.trim() : null,
      text: section ? section.innerText : null
    });
  }
  location.hash = '';
  window.scrollTo(0, 0);
  await sleep(100);
  return operations;
})()

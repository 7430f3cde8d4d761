// Registers the service worker that makes the page work offline. A new version is
// installed in the background and takes over only when the user reloads through the
// prompt, so a page never runs a mix of old and new files.
import { paths, pageUrl } from './config.js';

export function registerServiceWorker(prompt) {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.register(pageUrl(paths.serviceWorker)).then((registration) => {
    const offer = (worker) => {
      if (!hadController || !worker) return;  // first install: nothing to replace
      prompt.hidden = false;
      prompt.querySelector('button').onclick = () => worker.postMessage({ type: 'SKIP_WAITING' });
    };
    if (registration.waiting) offer(registration.waiting);
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed') offer(worker);
      });
    });
  }, () => {
    // Without a service worker (e.g. no sw.js on a development server) the page works online only.
  });
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadController || reloading) return;
    reloading = true;
    window.location.reload();
  });
}

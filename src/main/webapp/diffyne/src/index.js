// Bundle entry: window.Diffyne, started once the document is parsed when the page has a Diffyne config.
import { api, readConfig, start } from './diffyne.js';

window.Diffyne = api;
const boot = () => readConfig() && start();
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();

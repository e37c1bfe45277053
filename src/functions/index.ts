/** Entry of functions.js: the stand-in first (no-op inside Excel), then the functions themselves. */
import "./custom-functions-fallback";
import "./functions";

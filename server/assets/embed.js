/* Schwarm embed loader: <script src="https://BOARD/embed.js" data-board="SLUG" async></script>
 * Optional: data-sso-token (a JWT your server signed), data-theme (light|dark|auto),
 * data-target (a CSS selector of the element to put the widget in).
 * Inserts the widget's iframe, sizes it to its content, passes the SSO token,
 * and re-dispatches the widget's events (schwarm:idea-created, schwarm:voted,
 * schwarm:signed-in) as DOM CustomEvents that bubble from the iframe.
 * Messages are only taken from, and only sent to, the board's origin. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var board = script.getAttribute("data-board");
  if (!board) return;
  var origin = new URL(script.src, location.href).origin;
  var token = script.getAttribute("data-sso-token");
  var theme = script.getAttribute("data-theme");
  var target = script.getAttribute("data-target");
  var events = ["schwarm:idea-created", "schwarm:voted", "schwarm:signed-in"];

  var frame = document.createElement("iframe");
  var src = origin + "/embed/" + encodeURIComponent(board) + "?host=" + encodeURIComponent(location.origin);
  if (theme) src += "&theme=" + encodeURIComponent(theme);
  frame.src = src;
  frame.title = script.getAttribute("data-title") || "Ideas";
  frame.style.cssText = "display:block;width:100%;min-width:320px;max-width:800px;height:480px;border:0;overflow:hidden";
  frame.setAttribute("scrolling", "no");

  var place = target && document.querySelector(target);
  if (place) place.appendChild(frame);
  else script.parentNode.insertBefore(frame, script.nextSibling);

  window.addEventListener("message", function (e) {
    if (e.origin !== origin || e.source !== frame.contentWindow) return;
    var m = e.data;
    if (!m || typeof m !== "object") return;
    if (m.type === "schwarm:ready" && token) {
      frame.contentWindow.postMessage({ type: "schwarm:sso", token: token }, origin);
    } else if (m.type === "schwarm:resize" && typeof m.height === "number" && m.height > 0) {
      frame.style.height = Math.ceil(m.height) + "px";
    } else if (m.type === "schwarm:event" && events.indexOf(m.name) >= 0) {
      frame.dispatchEvent(new CustomEvent(m.name, { bubbles: true, detail: m.detail || {} }));
    }
  });
})();

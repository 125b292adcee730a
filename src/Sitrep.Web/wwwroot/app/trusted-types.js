// Trusted Types (the page's Content-Security-Policy requires them): no script may put an HTML string into the page,
// so report text, titles, places and claimants can only ever arrive as text. The one policy allowed, "default",
// lets through exactly the fixed strings the map library writes itself (its feature test and its buttons) and
// refuses everything else. The app's own code builds every element with the DOM (see dom.js) and needs none.
(function () {
  'use strict';
  if (!window.trustedTypes || !window.trustedTypes.createPolicy) return;
  var fixed = [
    '<svg/>',
    '<span aria-hidden="true">+</span>',
    '<span aria-hidden="true">&#x2212;</span>',
    '<span aria-hidden="true">&#215;</span>',
    ''
  ];
  window.trustedTypes.createPolicy('default', {
    createHTML: function (html) {
      if (fixed.indexOf(html) >= 0) return html;
      throw new TypeError('Sitrep refused to write HTML into the page (Trusted Types).');
    }
  });
})();

// The API documentation page: Swagger UI (shipped by the swagger-ui-bundle
// package, served from this origin) on the app's OpenAPI. In a file of its
// own because the CSP runs no inline script.
"use strict";

window.addEventListener("load", () => {
  window.SwaggerUIBundle({
    url: "/openapi.json",
    dom_id: "#swagger-ui",
    presets: [window.SwaggerUIBundle.presets.apis],
    layout: "BaseLayout",
    deepLinking: true,
  });
});

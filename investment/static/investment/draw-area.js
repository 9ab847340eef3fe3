// The admin's area drawing: click on the plan to add corners (in percent) to the field beside it.
// The field works on its own; this only fills it. No libraries, nothing from a CDN.
(function () {
    "use strict";

    function planUrl() {
        // The site plan chosen on this page: the image chooser's preview (same proportions).
        const preview = document.querySelector("#id_site_plan-chooser img[data-chooser-image]");
        return preview && preview.getAttribute("src") ? preview.src : null;
    }

    function parse(text) {
        return text.trim().split(/\s+/).filter(Boolean).map((pair) => pair.split(",").map(Number))
            .filter((xy) => xy.length === 2 && xy.every((n) => !Number.isNaN(n)));
    }

    function setUp(widget) {
        if (widget.dataset.ready) return;
        const input = widget.querySelector("input");
        const canvas = widget.querySelector("[data-shape-drawing-canvas]");
        const url = planUrl();
        if (!input || !canvas || !url) return;
        widget.dataset.ready = "1";
        const svgNS = "http://www.w3.org/2000/svg";
        const image = document.createElement("img");
        image.src = url;
        image.alt = "";
        const svg = document.createElementNS(svgNS, "svg");
        svg.setAttribute("viewBox", "0 0 100 100");
        svg.setAttribute("preserveAspectRatio", "none");
        const shape = document.createElementNS(svgNS, "polygon");
        svg.appendChild(shape);
        canvas.append(image, svg);
        const draw = () => shape.setAttribute("points", parse(input.value).map((xy) => xy.join(",")).join(" "));
        canvas.addEventListener("click", (event) => {
            const box = canvas.getBoundingClientRect();
            const x = ((event.clientX - box.left) / box.width) * 100;
            const y = ((event.clientY - box.top) / box.height) * 100;
            const corner = `${x.toFixed(1)},${y.toFixed(1)}`;
            input.value = input.value.trim() ? `${input.value.trim()} ${corner}` : corner;
            draw();
        });
        input.addEventListener("input", draw);
        const reset = widget.querySelector("[data-shape-drawing-reset]");
        reset.addEventListener("click", () => { input.value = ""; draw(); });
        for (const hidden of widget.querySelectorAll("[hidden]")) hidden.hidden = false;
        draw();
    }

    function setUpAll() {
        document.querySelectorAll("[data-shape-drawing]").forEach(setUp);
    }

    document.addEventListener("DOMContentLoaded", setUpAll);
    // A new inline row ("Add area") arrives later: set it up when it appears.
    new MutationObserver(setUpAll).observe(document.documentElement, { childList: true, subtree: true });
})();

// The moderation listings' bulk bar counts comments or stories in the admin's language instead of
// "snippets": the words come from the page (json_script), Wagtail's core.js reads them when a box
// is ticked.
(function () {
    var data = document.getElementById("moderation-bulk-strings");
    var config = window.wagtailConfig;
    if (!data || !config || !config.STRINGS || !config.STRINGS.BULK_ACTIONS) {
        return;
    }
    var bulk = JSON.parse(data.textContent);
    config.STRINGS.BULK_ACTIONS[bulk.item_type] = bulk.strings;
})();

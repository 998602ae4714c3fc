"""The HTML report: the page's template, its words and the step that writes it."""

"""One module a page; the registry says which page ids have a view."""

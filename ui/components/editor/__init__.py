"""The editor of a post: its fields, its saving, its copy in the browser, and its live view of the post."""

"""The panels of the admin area."""

"""Small pieces shared by the pages."""

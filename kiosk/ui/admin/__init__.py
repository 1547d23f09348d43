"""Staff only: the PIN pad, the admin panel and the frame meter."""

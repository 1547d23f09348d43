"""What keeps the process healthy and honest: hot reload, heartbeat, first frame, garbage
collection, the single-instance lock, fault handling, stop signals and the census of live
objects."""

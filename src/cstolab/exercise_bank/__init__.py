"""Exercise definitions, one module per lesson (``lessonNN.py``); loaded by cstolab.exercises."""

"""Exercise definitions, one module per lesson (``lessonNN.py``); loaded by cstolab.exercises.

Where the functions that compute a lesson's answers and anticipated mistakes are many, they live
in ``lessonNN_answers.py`` (they register nothing), and ``lessonNN.py`` holds the exercises.
"""

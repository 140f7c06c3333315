"""Lesson 0: how to use this course (practice exercises)."""

from cstolab.exercises import Exercise, register

register(
    Exercise(
        id="l00-sum",
        kind="number",
        prompt="What is 2 + 3?",
        hint="add the two numbers in the question.",
        expected=lambda: 2 + 3,
    ),
)

"""A JupyterHub for a class on one machine: ``make hub`` (``python -m cstolab.hub``).

The pieces, one job each:

- :mod:`cstolab.hub.course`: the git repository the hub hands out (an edition of the lessons)
  and the nbgitpuller link that pulls it into a student's home;
- :mod:`cstolab.hub.proxy`: configurable-http-proxy, installed from the npm registry into a
  folder of the checkout (``.hub/node``), never globally;
- :mod:`cstolab.hub.auth`: the demonstration authenticator (one shared password, loopback only);
- :mod:`cstolab.hub.config`: the JupyterHub configuration (spawner, homes, proxy, idle culler);
- :mod:`cstolab.hub.launch`: the command line that ties them together and starts the hub.

Nothing here is imported by ``import cstolab``; it needs the ``hub`` extra
(``pip install -e ".[hub]"``).

>>> from cstolab.hub.course import BRANCH
>>> BRANCH
'main'
"""

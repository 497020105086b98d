"""kzir: a command-line fact explorer for one IRNA article on Iran–Kazakhstan relations."""

__version__ = "0.1.0"

class SortingTransformer:
    """Sorts every list held under `key` by `sorting_fn`, on IAMLocal's answer as the recorder did on AWS's."""

    def __init__(self, key, sorting_fn=None):
        self.key = key
        self.sorting_fn = sorting_fn

this is not json at all

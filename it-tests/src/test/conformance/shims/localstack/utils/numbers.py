def is_number(value):
    try:
        float(value)
        return True
    except (TypeError, ValueError):
        return False

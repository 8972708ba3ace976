from wagtail import hooks


@hooks.register("construct_main_menu")
def hide_stock_form_submissions(request, menu_items):
    """Cases are never stored as Wagtail form submissions; the stock "Forms" menu would be empty
    and misleading, so it is removed (the review queue is the place to see cases)."""
    menu_items[:] = [item for item in menu_items if item.name != "forms"]

"""Small readers of plain text shared by several stages."""

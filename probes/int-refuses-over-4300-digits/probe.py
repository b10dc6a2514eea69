# int() of a string of digits, at and past CPython's limit on the length of
# an integer string conversion.
import sys

print("limit:", sys.get_int_max_str_digits())
for digits in (4300, 4301):
    text = "1" + "0" * (digits - 1)
    try:
        int(text)
        print(f"{digits} digits: converted")
    except ValueError as error:
        print(f"{digits} digits: ValueError: {error}")

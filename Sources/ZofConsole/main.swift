import ZofCore

print("zof")

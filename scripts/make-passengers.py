"""Writes a synthetic passenger list in the style of the well-known Titanic one, as pandas' to_csv writes it:
an unnamed row index first, names in quotes with commas and doubled quotes, text columns (Sex, Embarked, Ticket,
Cabin) and missing cells (Age, Cabin, Embarked). Survival depends on sex, class, age and fare, with noise, so a
small network has something to learn. Seeded: the same file every time. Standard library only.

    python3 scripts/make-passengers.py examples/passengers.csv [ROWS]     default 891 rows
"""
import csv
import math
import random
import sys

path = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 891
rng = random.Random(1912)

surnames = ["Braund", "Cumings", "Heikkinen", "Futrelle", "Allen", "Moran", "McCarthy", "Palsson", "Johnson",
            "Nasser", "Sandstrom", "Bonnell", "Saundercock", "Andersson", "Vestrom", "Hewlett", "Rice", "Williams",
            "Vander Planke", "Masselmani", "Fynney", "Beesley", "McGowan", "Sloper", "Asplund", "Emir", "Fortune",
            "O'Dwyer", "Todoroff", "Uruchurtu", "Spencer", "Glynn", "Wheadon", "Meyer", "Holverson", "Mamee",
            "Cann", "Nicola-Yarred", "Ahlin", "Turpin", "Kraeff", "Laroche", "Devaney", "Rogers", "Lennon"]
male_names = ["Owen Harris", "William Henry", "James", "Timothy J", "Gosta Leonard", "Charles Alexander",
              "Lawrence", "Anders Johan", "Farred Chehab", "Edward", "Patrick", "Jacques Heath", "John"]
female_names = ["Florence Briggs", "Laina", "Lily May", "Elisabeth", "Marguerite Rut", "Augusta Maria",
                "Hulda Amanda", "Mary", "Kate", "Helen", "Margaret", "Bridget", "Anna"]
nicknames = ["Pat", "Bud", "Molly", "Kitty", "Jack", "Nellie"]
decks = "ABCDEFG"


def name(sex, age, married):
    surname = rng.choice(surnames)
    if sex == "male":
        title = "Master." if age is not None and age < 13 else rng.choice(["Mr.", "Mr.", "Mr.", "Dr.", "Rev."])
        given = rng.choice(male_names)
    else:
        title = "Mrs." if married else "Miss."
        given = rng.choice(female_names)
    text = f"{surname}, {title} {given}"
    if rng.random() < 0.06:
        text += f' "{rng.choice(nicknames)}"'  # written with doubled quotes inside the quoted cell
    if sex == "female" and married and rng.random() < 0.3:
        text += f" ({rng.choice(female_names)} {rng.choice(surnames)})"
    return text


def ticket():
    r = rng.random()
    number = rng.randint(1000, 399999)
    if r < 0.7:
        return str(number)
    return f"{rng.choice(['A/5', 'PC', 'STON/O2.', 'C.A.', 'SOTON/O.Q.', 'W./C.'])} {number}"


with open(path, "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(["", "PassengerId", "Survived", "Pclass", "Name", "Sex", "Age", "SibSp", "Parch", "Ticket",
                  "Fare", "Cabin", "Embarked"])
    for i in range(rows):
        pclass = rng.choices([1, 2, 3], weights=[0.24, 0.21, 0.55])[0]
        sex = "male" if rng.random() < 0.65 else "female"
        age = max(0.42, round(rng.gauss(30 - 3 * pclass + 9, 14), 0 if rng.random() < 0.9 else 1))
        married = sex == "female" and age > 20 and rng.random() < 0.6
        sibsp = rng.choices([0, 1, 2, 3, 4], weights=[68, 23, 3, 2, 2])[0]
        parch = rng.choices([0, 1, 2, 3], weights=[76, 13, 9, 1])[0]
        fare = round(rng.lognormvariate([0, 4.2, 3.0, 2.3][pclass], 0.6), 4)
        embarked = rng.choices(["S", "C", "Q"], weights=[72, 19, 9])[0]
        score = (2.4 if sex == "female" else -0.9) + [0, 1.0, 0.2, -0.9][pclass] - 0.02 * (age - 30)
        score += 0.8 if age < 10 else 0
        score -= 0.3 * max(sibsp - 1, 0)
        survived = int(rng.random() < 1 / (1 + math.exp(-score)))
        cabin = ""
        if rng.random() < [0, 0.8, 0.15, 0.03][pclass]:
            cabin = " ".join(f"{rng.choice(decks[:5] if pclass == 1 else decks)}{rng.randint(2, 128)}"
                             for _ in range(rng.choice([1, 1, 1, 2])))
        shown_age = "" if rng.random() < 0.2 else (int(age) if float(age).is_integer() else age)
        if rng.random() < 0.003:
            embarked = ""
        out.writerow([i, i + 1, survived, pclass, name(sex, age, married), sex, shown_age, sibsp, parch, ticket(),
                      fare, cabin, embarked])

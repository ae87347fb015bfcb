"""Small cases shared by the engine tests, with their figures worked out by hand."""

# A small case, 2020-2024:
#   Besparelse   permanent  -100 phased in 50 % in 2021, 100 % from 2022:  0, -50, -100, -100, -100
#   Drift        permanent  +10 from 2021:                                 0,  10,   10,   10,   10
#   Investering  one-off service (investeringspulje):                    150,  50
#   Innovation   one-off service (innovationspulje):                      30
#   Anlaeg       one-off anlæg:                                           20
# Samlet varig ændring 0, -40, -90, -90, -90; with every krone: 200, 10, -90, -90, -90;
# cumulative 200, 210, 120, 30, -60: payback 5 years, exactly 4 + 30/90.
T1 = """
id: T1
title: Testcase
price_level: 2020
first_year: 2020
last_year: 2024
assumptions:
  - {name: gevinst, label: Gevinst, value: 100, unit: t.kr., source: test}
lines:
  - name: Besparelse
    kind: permanent
    area: service
    formula: "-gevinst"
    phase_in: {2021: 0.5, 2022: 1}
  - name: Drift
    kind: permanent
    area: service
    amounts: {2021: 10, 2022: 10, 2023: 10, 2024: 10}
  - name: Investering
    kind: one_off
    area: service
    amounts: {2020: 150, 2021: 50}
  - name: Innovation
    kind: one_off
    area: service
    funding: innovationspulje
    amounts: {2020: 30}
  - name: Anlaeg
    kind: one_off
    area: anlaeg
    amounts: {2020: 20}
"""

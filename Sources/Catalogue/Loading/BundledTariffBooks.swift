// Generated from tariffs/*.json by the test `bundledBooksMatchTariffsDirectory`
// (run `UPDATE_BUNDLED_TARIFFS=1 swift test --filter BundledBooks` after changing a book).
// Do not edit by hand.

/// The tariff books compiled into the tool, by year, as their JSON text.
enum BundledTariffBooks {
    static let books: [Int: String] = [
        2025: #"""
{
  "currency": "EUR",
  "formatVersion": 1,
  "indexation": {
    "mixedWeights": {
      "price": "1/3",
      "wage": "2/3"
    }
  },
  "programmeLines": [
    {
      "code": "robuuste-bibliotheek",
      "name": "De robuuste lokale bibliotheek",
      "wsob": [
        1,
        3,
        5
      ]
    },
    {
      "code": "leven-lang-ontwikkelen",
      "name": "Leven lang ontwikkelen: Drenthe leert en ontwikkelt",
      "wsob": [
        1,
        2,
        3,
        4,
        5
      ]
    },
    {
      "code": "geletterde-samenleving",
      "name": "Geletterde samenleving: Drenthe leest",
      "wsob": [
        1,
        2,
        3,
        4
      ]
    },
    {
      "code": "participatie",
      "name": "Participatie in de informatiesamenleving: Drenthe digitaal inclusief",
      "wsob": [
        1,
        2,
        3,
        4
      ]
    }
  ],
  "provenance": {
    "kind": "transcription",
    "note": "Overgenomen uit de gepubliceerde catalogus; keuzes bij onduidelijkheden staan in spec/catalogue-2025.md.",
    "source": "activiteitencatalogus-bind-2025.txt"
  },
  "publisher": "Biblionet Drenthe (Bind bibliotheken)",
  "services": [
    {
      "code": "robuuste-bibliotheek",
      "components": [
        {
          "basis": "per-branch",
          "by": "branch-size",
          "code": "vestiging",
          "indexClass": "mixed",
          "indicative": false,
          "name": "Bijdrage per vestiging",
          "options": [
            {
              "amount": "95116.00",
              "key": "large",
              "name": "Grote bibliotheek"
            },
            {
              "amount": "71337.00",
              "key": "medium",
              "name": "Middelgrote bibliotheek"
            },
            {
              "amount": "35669.00",
              "key": "small",
              "name": "Kleine bibliotheek"
            },
            {
              "amount": "11890.00",
              "key": "service-point",
              "name": "Servicepunt"
            }
          ],
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "annual",
          "source": "2.2"
        },
        {
          "amount": "11.19",
          "basis": "per-inhabitant",
          "code": "infrastructuur",
          "indexClass": "mixed",
          "indicative": false,
          "name": "Bijdrage per inwoner voor infrastructuur",
          "payer": "municipality",
          "precision": "cent",
          "recurrence": "annual",
          "source": "2.2"
        },
        {
          "amount": "3.85",
          "basis": "per-inhabitant",
          "code": "collectie",
          "indexClass": "price",
          "indicative": false,
          "name": "Bijdrage per inwoner voor onderhoud collectie",
          "payer": "municipality",
          "precision": "cent",
          "recurrence": "annual",
          "source": "2.2"
        }
      ],
      "constraints": [],
      "description": "De fysieke bibliotheek met collectie, catalogus, uitlening en platformfunctie; de prijs hangt af van het aantal en de grootte van de vestigingen en het aantal inwoners.",
      "name": "De robuuste lokale bibliotheek",
      "partners": [
        "DNK (Bibliotheek Assen)",
        "Facet (Bibliotheek Emmen)",
        "Bibliotheek Hoogeveen",
        "KB",
        "VOB",
        "POI Biblionet Drenthe"
      ],
      "programmeLine": "robuuste-bibliotheek",
      "section": "2.2",
      "serviceLevels": [],
      "targetGroup": "0 tot 100+ jaar",
      "targetGroups": [
        "jonge-kinderen",
        "kinderen",
        "jongeren",
        "volwassenen"
      ],
      "themes": [
        "leesbevordering"
      ],
      "tier": "basis",
      "wsob": [
        1,
        3,
        5
      ]
    },
    {
      "code": "open-plus",
      "components": [
        {
          "amount": "25800.00",
          "basis": "per-branch",
          "code": "installatie",
          "indexClass": "price",
          "indicative": true,
          "name": "Installatiekosten (richtprijs)",
          "note": "Afhankelijk van de huidige situatie, de nodige aanpassingen en de gekozen opties.",
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "one-off",
          "source": "2.3"
        },
        {
          "amount": "2688.00",
          "basis": "per-branch",
          "code": "support",
          "indexClass": "price",
          "indicative": true,
          "name": "Support en service (richtprijs)",
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "annual",
          "source": "2.3"
        }
      ],
      "constraints": [],
      "description": "Toegangssysteem waarmee aangemelde leden de vestiging ook buiten de bemande openingstijden gebruiken; richtprijzen per vestiging.",
      "name": "Open+ bibliotheek",
      "partners": [
        "Bibliotheca"
      ],
      "programmeLine": "robuuste-bibliotheek",
      "section": "2.3",
      "serviceLevels": [],
      "targetGroup": "18+ jaar",
      "targetGroups": [
        "volwassenen"
      ],
      "tier": "basis-plus",
      "wsob": [
        1,
        2
      ]
    },
    {
      "code": "llo-pakket-1",
      "components": [
        {
          "basis": "per-branch",
          "by": "branch-size",
          "code": "pakket",
          "indexClass": "mixed",
          "indicative": false,
          "name": "Pakket per vestiging naar grootte",
          "options": [
            {
              "activities": 15,
              "amount": "26363.00",
              "key": "large",
              "name": "Grote bibliotheek"
            },
            {
              "activities": 10,
              "amount": "17553.00",
              "key": "medium",
              "name": "Middelgrote bibliotheek"
            },
            {
              "activities": 5,
              "amount": "8768.00",
              "key": "small",
              "name": "Kleine bibliotheek"
            }
          ],
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "annual",
          "source": "3.3"
        },
        {
          "amount": "5.00",
          "basis": "per-participant",
          "code": "deelnemersbijdrage",
          "indexClass": "none",
          "indicative": false,
          "name": "Deelnemersbijdrage volwassenen per activiteit",
          "note": "Kinderen doen gratis mee.",
          "payer": "participants",
          "precision": "euro",
          "recurrence": "annual",
          "source": "3.3"
        }
      ],
      "constraints": [
        {
          "allowed": [
            "large",
            "medium",
            "small"
          ],
          "rule": "branch-sizes"
        }
      ],
      "description": "Aansluiten bij (landelijke) campagnes en grotere evenementen, met een aantal activiteiten per vestiging naar grootte en toegang tot e-learning.",
      "name": "Leven lang ontwikkelen, pakket 1: landelijke campagnes en evenementen",
      "partners": [
        "Drentse bibliotheken",
        "Provinciale culturele instellingen",
        "Lokale organisaties en inwoners"
      ],
      "programmeLine": "leven-lang-ontwikkelen",
      "section": "3.3",
      "serviceLevels": [],
      "targetGroup": "0 tot 100+ jaar",
      "targetGroups": [
        "jonge-kinderen",
        "kinderen",
        "jongeren",
        "volwassenen"
      ],
      "themes": [
        "leesbevordering",
        "leven-lang-ontwikkelen"
      ],
      "tier": "basis",
      "wsob": [
        1,
        2,
        3,
        4,
        5
      ]
    },
    {
      "code": "llo-pakket-2",
      "components": [
        {
          "basis": "per-package",
          "by": "package",
          "code": "pakket",
          "indexClass": "mixed",
          "indicative": false,
          "name": "Pakket naar omvang",
          "options": [
            {
              "activities": 24,
              "amount": "41221.00",
              "key": "groot",
              "name": "Groot pakket"
            },
            {
              "activities": 12,
              "amount": "20610.00",
              "key": "middelgroot",
              "name": "Middelgroot pakket"
            },
            {
              "activities": 6,
              "amount": "10305.00",
              "key": "klein",
              "name": "Klein pakket"
            }
          ],
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "annual",
          "source": "3.2"
        },
        {
          "amount": "5.00",
          "basis": "per-participant",
          "code": "deelnemersbijdrage",
          "indexClass": "none",
          "indicative": false,
          "name": "Deelnemersbijdrage vanaf 18 jaar per activiteit",
          "note": "Kinderen doen gratis mee.",
          "payer": "participants",
          "planningParticipantsPerActivity": 20,
          "precision": "euro",
          "recurrence": "annual",
          "source": "3.2"
        }
      ],
      "constraints": [
        {
          "activities": 7,
          "field": "biebFabriekSeries",
          "name": "BiebFabriek-reeks",
          "rule": "activity-equivalent"
        }
      ],
      "description": "Zelf georganiseerde activiteiten, workshops en lezingen rond thema's die met de gemeente zijn gekozen, aanvullend op pakket 1.",
      "name": "Leven lang ontwikkelen, pakket 2: persoonlijke ontwikkeling",
      "partners": [
        "Drentse bibliotheken",
        "KB",
        "Provinciale culturele instellingen",
        "Lokale organisaties en inwoners"
      ],
      "programmeLine": "leven-lang-ontwikkelen",
      "section": "3.2",
      "serviceLevels": [],
      "targetGroup": "Jeugd en volwassenen",
      "targetGroups": [
        "kinderen",
        "jongeren",
        "volwassenen"
      ],
      "themes": [
        "digitale-inclusie",
        "leven-lang-ontwikkelen"
      ],
      "tier": "basis-plus",
      "wsob": [
        1,
        2,
        4
      ]
    },
    {
      "code": "makersplaats",
      "components": [
        {
          "amount": "59811.00",
          "basis": "per-municipality",
          "code": "materiaal",
          "indexClass": "price",
          "indicative": false,
          "name": "Materiaal en voorziening",
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "annual",
          "source": "3.3"
        },
        {
          "amount": "14783.00",
          "basis": "per-municipality",
          "code": "programmering",
          "indexClass": "mixed",
          "indicative": false,
          "name": "Programmering",
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "annual",
          "source": "3.3"
        },
        {
          "amount": "5.00",
          "basis": "per-participant",
          "code": "deelnemersbijdrage",
          "indexClass": "none",
          "indicative": false,
          "name": "Deelnemersbijdrage vanaf 18 jaar per activiteit",
          "payer": "participants",
          "precision": "euro",
          "recurrence": "annual",
          "source": "3.3"
        }
      ],
      "constraints": [
        {
          "field": "participantsPerActivity",
          "minimum": 10,
          "rule": "range"
        },
        {
          "field": "activities",
          "maximum": 100,
          "rule": "range"
        }
      ],
      "description": "Werk- en maakplaats in de bibliotheek met materialen en een activiteitenprogramma rond 21e-eeuwse vaardigheden.",
      "name": "Makersplaats",
      "partners": [
        "Bedrijven",
        "Onderwijs",
        "Makerscommunity"
      ],
      "programmeLine": "leven-lang-ontwikkelen",
      "section": "3.3",
      "serviceLevels": [],
      "targetGroup": "0 tot 100+ jaar",
      "targetGroups": [
        "jonge-kinderen",
        "kinderen",
        "jongeren",
        "volwassenen"
      ],
      "themes": [
        "digitale-inclusie",
        "leven-lang-ontwikkelen"
      ],
      "tier": "basis-plus",
      "wsob": [
        1,
        2,
        4
      ]
    },
    {
      "code": "kleintje-bieb",
      "components": [
        {
          "amount": "6341.00",
          "basis": "per-municipality",
          "code": "gemeente",
          "indexClass": "mixed",
          "indicative": false,
          "name": "Bijdrage per gemeente",
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "annual",
          "source": "4.2"
        }
      ],
      "constraints": [],
      "description": "BoekStart-activiteiten voor baby's, peuters en kleuters en hun ouders; het BoekStartkoffertje is gratis.",
      "name": "Kleintje Bieb (BoekStart voor baby's)",
      "partners": [
        "Consultatiebureaus",
        "Kunst van Lezen (Stichting Lezen)",
        "Koninklijke Bibliotheek"
      ],
      "programmeLine": "geletterde-samenleving",
      "section": "4.2",
      "serviceLevels": [],
      "targetGroup": "0 tot 6 jaar",
      "targetGroups": [
        "jonge-kinderen"
      ],
      "themes": [
        "leesbevordering",
        "laaggeletterdheid"
      ],
      "tier": "basis",
      "wsob": [
        1,
        2,
        3
      ]
    },
    {
      "code": "boekstart-kinderopvang",
      "components": [
        {
          "amount": "1135.00",
          "basis": "per-childcare-location",
          "code": "locatie",
          "indexClass": "mixed",
          "indicative": false,
          "name": "Bijdrage per kinderopvanglocatie",
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "annual",
          "source": "4.3"
        }
      ],
      "constraints": [],
      "description": "Advies, trainingen, netwerkbijeenkomsten en monitoring voor voorlezen op kinderopvanglocaties.",
      "name": "BoekStart in de kinderopvang",
      "partners": [
        "Kunst van Lezen",
        "Kinderopvangorganisaties"
      ],
      "programmeLine": "geletterde-samenleving",
      "section": "4.3",
      "serviceLevels": [],
      "targetGroup": "0 tot 4 jaar",
      "targetGroups": [
        "jonge-kinderen"
      ],
      "themes": [
        "leesbevordering",
        "laaggeletterdheid"
      ],
      "tier": "basis",
      "wsob": [
        2,
        3
      ]
    },
    {
      "code": "boekstart-pluspakket",
      "components": [
        {
          "basis": "per-childcare-location",
          "code": "educatiemedewerker",
          "formula": "weekuur-educatiemedewerker",
          "indexClass": "derived",
          "indicative": false,
          "name": "Educatiemedewerker per uur per week per kinderopvanglocatie",
          "payer": "municipality",
          "precision": "cent",
          "recurrence": "annual",
          "scaledBy": {
            "default": 1,
            "field": "hoursPerWeek",
            "minimum": 1
          },
          "source": "4.5"
        }
      ],
      "constraints": [],
      "description": "Dienstverleningsovereenkomst BoekStart met collectiebeheer en een educatiemedewerker, naar het aantal kindplaatsen.",
      "name": "BoekStart pluspakket",
      "partners": [
        "Kinderopvangorganisaties"
      ],
      "programmeLine": "geletterde-samenleving",
      "section": "4.5",
      "serviceLevels": [],
      "targetGroup": "0 tot 4 jaar",
      "targetGroups": [
        "jonge-kinderen"
      ],
      "themes": [
        "leesbevordering",
        "laaggeletterdheid"
      ],
      "tier": "basis-plus",
      "wsob": [
        2,
        3
      ]
    },
    {
      "code": "boekstartcoach",
      "components": [
        {
          "basis": "per-consultation-bureau",
          "code": "coach",
          "formula": "weekuur-educatiemedewerker",
          "indexClass": "derived",
          "indicative": false,
          "name": "BoekStartcoach per uur per week per consultatiebureau",
          "payer": "municipality",
          "precision": "cent",
          "recurrence": "annual",
          "scaledBy": {
            "default": 4,
            "field": "hoursPerWeek",
            "minimum": 1
          },
          "source": "4.6"
        }
      ],
      "constraints": [],
      "description": "Een opgeleide coach is wekelijks op het consultatiebureau aanwezig om ouders te stimuleren vroeg te beginnen met voorlezen.",
      "name": "BoekStartcoach",
      "partners": [
        "Stichting Lezen en Koninklijke Bibliotheek (Kunst van Lezen)",
        "GGD",
        "Consultatiebureau",
        "Gemeenten"
      ],
      "programmeLine": "geletterde-samenleving",
      "section": "4.6",
      "serviceLevels": [],
      "targetGroup": "Ouders van kinderen van 0 tot 4 jaar op het consultatiebureau, vooral laagtaalvaardige gezinnen",
      "targetGroups": [
        "jonge-kinderen"
      ],
      "themes": [
        "leesbevordering",
        "laaggeletterdheid"
      ],
      "tier": "basis-plus",
      "wsob": [
        2,
        3
      ]
    },
    {
      "code": "dbos-po",
      "components": [
        {
          "amount": "73.55",
          "basis": "per-pupil",
          "code": "leerling",
          "indexClass": "mixed",
          "indicative": false,
          "name": "Bijdrage gemeente per leerling",
          "payer": "municipality",
          "precision": "cent",
          "recurrence": "annual",
          "source": "4.4"
        },
        {
          "amount": "17.00",
          "basis": "per-pupil",
          "code": "schoolbijdrage",
          "excludesVat": true,
          "indexClass": "none",
          "indicative": false,
          "name": "Bijdrage van de school per leerling",
          "payer": "school",
          "precision": "euro",
          "recurrence": "annual",
          "source": "4.4"
        }
      ],
      "constraints": [
        {
          "level": "po",
          "rule": "school-level"
        }
      ],
      "description": "Structurele samenwerking van school, bibliotheek en gemeente aan lezen en mediawijsheid, met collectie, leesomgeving en educatiemedewerker op school.",
      "name": "de Bibliotheek op school, primair onderwijs",
      "partners": [
        "Kunst van Lezen",
        "Samenwerkende POI's Nederland",
        "Cofinanciering scholen"
      ],
      "programmeLine": "geletterde-samenleving",
      "schoolAgreement": {
        "initialYears": 3,
        "noticeYears": 1,
        "renewalYears": 1,
        "tacitRenewal": true
      },
      "section": "4.4",
      "serviceLevels": [
        {
          "code": "boeken-per-leerling",
          "input": "pupils",
          "name": "Collectie op school",
          "note": "Gemiddeld minimaal; een school van precies 125 leerlingen telt als grote school.",
          "rows": [
            {
              "from": 0,
              "note": "plus tweemaal per jaar wisselen uit de dBosmobiel-collectie",
              "to": 124,
              "value": 4
            },
            {
              "from": 125,
              "value": 5
            }
          ],
          "unit": "boeken per leerling"
        },
        {
          "code": "uren-educatiemedewerker",
          "input": "pupils",
          "name": "Inzet educatiemedewerker per school",
          "rows": [
            {
              "from": 0,
              "to": 249,
              "value": 2
            },
            {
              "from": 250,
              "to": 500,
              "value": 3
            },
            {
              "from": 501,
              "value": 4
            }
          ],
          "unit": "uur per week"
        }
      ],
      "specialFunding": "De financiering kan overgaan naar rijksmiddelen voor onderwijs.",
      "targetGroup": "4 tot 12 jaar",
      "targetGroups": [
        "kinderen"
      ],
      "themes": [
        "leesbevordering",
        "digitale-inclusie"
      ],
      "tier": "basis",
      "wsob": [
        1,
        2,
        3
      ]
    },
    {
      "code": "thuislezen",
      "components": [
        {
          "basis": "per-school",
          "code": "implementatie",
          "formula": "8 * uurtarief-mbo",
          "indexClass": "derived",
          "indicative": false,
          "name": "Implementatie per school",
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "one-off",
          "source": "4.9"
        },
        {
          "basis": "per-pupil",
          "code": "extra-boeken",
          "formula": "2 * boekprijs",
          "indexClass": "derived",
          "indicative": false,
          "name": "Twee extra boeken per leerling",
          "payer": "municipality",
          "precision": "cent",
          "recurrence": "one-off",
          "source": "4.9"
        },
        {
          "amount": "5.42",
          "basis": "per-pupil",
          "code": "vervolgjaren",
          "indexClass": "price",
          "indicative": false,
          "name": "Bijdrage per leerling vanaf het tweede jaar",
          "payer": "municipality",
          "precision": "cent",
          "recurrence": "annual-from-second-year",
          "source": "4.9"
        }
      ],
      "constraints": [
        {
          "level": "po",
          "rule": "school-level"
        },
        {
          "rule": "requires-service-on-school",
          "service": "dbos-po"
        }
      ],
      "description": "Uitbreiding van de dBos-collectie zodat leerlingen ook boeken mee naar huis kunnen nemen.",
      "name": "Thuislezen",
      "partners": [
        "Basisscholen met een dBos-contract"
      ],
      "programmeLine": "geletterde-samenleving",
      "section": "4.9",
      "serviceLevels": [
        {
          "code": "boeken-per-leerling",
          "input": "pupils",
          "name": "Collectie op school met thuislezen",
          "note": "Verhoogt de dBos-norm van 4 naar 6 en van 5 naar 7 boeken per leerling.",
          "rows": [
            {
              "from": 0,
              "to": 124,
              "value": 6
            },
            {
              "from": 125,
              "value": 7
            }
          ],
          "unit": "boeken per leerling"
        }
      ],
      "targetGroup": "4 tot 12 jaar",
      "targetGroups": [
        "kinderen"
      ],
      "themes": [
        "leesbevordering"
      ],
      "tier": "basis-plus",
      "wsob": [
        2,
        3
      ]
    },
    {
      "code": "gezinsaanpak",
      "components": [
        {
          "basis": "per-municipality",
          "code": "onderzoek",
          "formula": "28 * uurtarief-wo",
          "indexClass": "derived",
          "indicative": false,
          "name": "Onderzoek en plan van aanpak",
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "one-off",
          "source": "4.7"
        },
        {
          "basis": "custom-quote",
          "code": "uitvoering",
          "name": "Uitvoering van het plan van aanpak",
          "payer": "municipality",
          "source": "4.7"
        }
      ],
      "constraints": [],
      "description": "Onderzoek en plan van aanpak met partners voor gezinnen met een taalachterstand, gevolgd door een uitvoering op maat.",
      "name": "Gezinsaanpak",
      "partners": [
        "Kinderopvang",
        "Gemeenten",
        "Sociale teams",
        "Kunst van Lezen",
        "GKA",
        "Stichting Lezen & Schrijven"
      ],
      "programmeLine": "geletterde-samenleving",
      "section": "4.7",
      "serviceLevels": [],
      "targetGroup": "Afhankelijk van de vraag van de gemeente",
      "targetGroups": [
        "jonge-kinderen"
      ],
      "themes": [
        "leesbevordering",
        "laaggeletterdheid"
      ],
      "tier": "basis-plus",
      "wsob": [
        2,
        3
      ]
    },
    {
      "code": "leesklik",
      "components": [
        {
          "basis": "per-childcare-location",
          "code": "implementatie",
          "formula": "16 * uurtarief-mbo",
          "indexClass": "derived",
          "indicative": false,
          "name": "Implementatie (16 uur educatiemedewerker)",
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "one-off",
          "source": "4.8"
        },
        {
          "basis": "per-childcare-location",
          "code": "boekencollectie",
          "formula": "200 * boekprijs",
          "indexClass": "derived",
          "indicative": false,
          "name": "Eerste boekencollectie (10 thema's van 20 boeken)",
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "one-off",
          "source": "4.8"
        },
        {
          "basis": "per-childcare-location",
          "code": "educatiemedewerker",
          "formula": "2 * weekuur-educatiemedewerker",
          "indexClass": "derived",
          "indicative": false,
          "name": "Inzet educatiemedewerker",
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "annual",
          "source": "4.8"
        },
        {
          "amount": "582.00",
          "basis": "per-childcare-location",
          "code": "vervangingsbudget",
          "indexClass": "price",
          "indicative": false,
          "name": "Vervangingsbudget boekencollectie",
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "annual",
          "source": "4.8"
        }
      ],
      "constraints": [],
      "description": "Themacollecties prentenboeken op de kinderopvang die ouders mee naar huis nemen, met een website bij dezelfde thema's.",
      "name": "Leesklik",
      "partners": [
        "Kinderopvang",
        "Gemeenten"
      ],
      "programmeLine": "geletterde-samenleving",
      "section": "4.8",
      "serviceLevels": [],
      "targetGroup": "Kinderen van 1,5 tot 4 jaar en hun ouders",
      "targetGroups": [
        "jonge-kinderen"
      ],
      "themes": [
        "leesbevordering"
      ],
      "tier": "basis-plus",
      "wsob": [
        2,
        3
      ]
    },
    {
      "code": "dbos-vo",
      "components": [
        {
          "basis": "custom-quote",
          "code": "school",
          "name": "Samenwerking met de school",
          "payer": "municipality",
          "source": "4.10"
        }
      ],
      "constraints": [
        {
          "level": "vo",
          "rule": "school-level"
        }
      ],
      "description": "Leescultuur op de middelbare school met collectie, digitale leesomgeving, educatiemedewerker en activiteitenprogramma.",
      "name": "de Bibliotheek op school, voortgezet onderwijs",
      "partners": [
        "Koninklijke Bibliotheek en Stichting Lezen (Kunst van Lezen)",
        "Samenwerkende POI's Nederland"
      ],
      "programmeLine": "geletterde-samenleving",
      "schoolAgreement": {
        "initialYears": 3,
        "noticeYears": 1,
        "renewalYears": 1,
        "tacitRenewal": true
      },
      "section": "4.10",
      "serviceLevels": [
        {
          "code": "uren-educatiemedewerker",
          "input": "pupils",
          "name": "Inzet educatiemedewerker per school",
          "rate": {
            "per": 100,
            "value": 1
          },
          "unit": "uur per week"
        }
      ],
      "targetGroup": "12 tot 18 jaar",
      "targetGroups": [
        "jongeren"
      ],
      "themes": [
        "leesbevordering",
        "laaggeletterdheid",
        "digitale-inclusie"
      ],
      "tier": "basis-plus",
      "wsob": [
        1,
        2,
        3
      ]
    },
    {
      "code": "cultuureducatie-vo",
      "components": [
        {
          "basis": "custom-quote",
          "code": "programma",
          "name": "Programma op maat",
          "payer": "municipality",
          "source": "4.11"
        }
      ],
      "constraints": [],
      "description": "Een programma voor de CKV-dag, schrijversbezoeken en groepsbezoeken aan de bibliotheek.",
      "name": "Cultuureducatie voortgezet onderwijs",
      "partners": [
        "VO-scholen die niet met dBos werken",
        "Culturele partners in de gemeente",
        "Schrijverscentrale"
      ],
      "programmeLine": "geletterde-samenleving",
      "section": "4.11",
      "serviceLevels": [],
      "targetGroup": "12 tot 18 jaar",
      "targetGroups": [
        "jongeren"
      ],
      "themes": [
        "leesbevordering"
      ],
      "tier": "basis-plus",
      "wsob": [
        1,
        2,
        3
      ]
    },
    {
      "code": "leskist-vo",
      "components": [
        {
          "amount": "4500.00",
          "basis": "per-school",
          "code": "leskist",
          "indexClass": "price",
          "indicative": false,
          "name": "Kosten leskist",
          "note": "De provincie Drenthe stelt hiervoor soms subsidie beschikbaar.",
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "one-off",
          "source": "4.12"
        },
        {
          "basis": "per-school",
          "code": "educatiemedewerker",
          "formula": "10 * uurtarief-mbo",
          "indexClass": "derived",
          "indicative": false,
          "name": "Tien uur inzet educatiemedewerker",
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "annual",
          "source": "4.12"
        }
      ],
      "constraints": [
        {
          "level": "vo",
          "rule": "school-level"
        }
      ],
      "description": "Een leskist met boeken en opdrachten om armoede onder kinderen bespreekbaar te maken in de klas.",
      "name": "Leskist VO Kansrijk",
      "partners": [
        "Middelbare scholen"
      ],
      "programmeLine": "geletterde-samenleving",
      "section": "4.12",
      "serviceLevels": [],
      "targetGroup": "12 tot 18 jaar",
      "targetGroups": [
        "jongeren"
      ],
      "themes": [
        "leesbevordering",
        "laaggeletterdheid"
      ],
      "tier": "basis-plus",
      "wsob": [
        1,
        2,
        3
      ]
    },
    {
      "code": "taalhuis",
      "components": [
        {
          "amount": "3170.00",
          "basis": "per-municipality",
          "code": "taalnetwerk",
          "indexClass": "mixed",
          "indicative": false,
          "name": "Deelname en ondersteuning in het taalnetwerk",
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "annual",
          "source": "5.2"
        },
        {
          "basis": "custom-quote",
          "code": "inrichting",
          "name": "Inrichting van de fysieke omgeving",
          "payer": "municipality",
          "source": "5.2"
        },
        {
          "basis": "custom-quote",
          "code": "werkgeverschap",
          "name": "Werkgeverschap, ook voor vrijwilligers",
          "payer": "municipality",
          "source": "5.2"
        }
      ],
      "constraints": [],
      "description": "De bibliotheek als kernpartner in het lokale taalnetwerk, met een herkenbare plek voor mensen die beter willen leren lezen, schrijven, rekenen en digitaal werken.",
      "name": "Taalhuis",
      "partners": [
        "Gemeente",
        "ROC",
        "Humanitas",
        "Stichting Lezen & Schrijven",
        "Lokale partners (welzijn en zorg)",
        "Alliantie van Kracht",
        "PABO"
      ],
      "programmeLine": "geletterde-samenleving",
      "section": "5.2",
      "serviceLevels": [],
      "targetGroup": "18 tot 100+ jaar",
      "targetGroups": [
        "volwassenen"
      ],
      "themes": [
        "laaggeletterdheid",
        "digitale-inclusie",
        "leven-lang-ontwikkelen"
      ],
      "tier": "basis",
      "wsob": [
        1,
        2,
        3,
        4
      ]
    },
    {
      "code": "meedoen",
      "components": [
        {
          "amount": "6341.00",
          "basis": "per-municipality",
          "code": "programma",
          "indexClass": "mixed",
          "indicative": false,
          "name": "Eigen activiteiten (4 tot 10 per jaar)",
          "payer": "municipality",
          "precision": "euro",
          "recurrence": "annual",
          "source": "6.2"
        }
      ],
      "constraints": [],
      "description": "Cursussen digitale vaardigheden en een programma rond basis- en levensvaardigheden, samen met lokale partners.",
      "name": "Programmering Meedoen in de samenleving",
      "partners": [
        "Koninklijke Bibliotheek",
        "Seniorweb",
        "Belastingdienst"
      ],
      "programmeLine": "participatie",
      "section": "6.2",
      "serviceLevels": [],
      "targetGroup": "18 tot 100+ jaar",
      "targetGroups": [
        "volwassenen"
      ],
      "themes": [
        "digitale-inclusie",
        "leven-lang-ontwikkelen"
      ],
      "tier": "basis",
      "wsob": [
        1,
        2,
        3,
        4
      ]
    },
    {
      "code": "ido",
      "components": [
        {
          "amount": "0.83",
          "basis": "per-inhabitant",
          "code": "inwoner",
          "indexClass": "none",
          "indicative": false,
          "name": "Bijdrage per inwoner (specifieke uitkering IDO)",
          "note": "Betaald uit de specifieke uitkering voor IDO's.",
          "payer": "municipality",
          "precision": "cent",
          "recurrence": "annual",
          "source": "6.3"
        }
      ],
      "constraints": [],
      "description": "Een informatiepunt in de bibliotheek voor vragen over de digitale overheid; gratis voor bezoekers.",
      "name": "Informatiepunt Digitale Overheid (IDO)",
      "partners": [
        "Koninklijke Bibliotheek",
        "Seniorweb",
        "Belastingdienst",
        "Landelijke overheidsinstanties uit de Manifestgroep",
        "Welzijn"
      ],
      "programmeLine": "participatie",
      "section": "6.3",
      "serviceLevels": [],
      "targetGroup": "18 tot 100+ jaar",
      "targetGroups": [
        "volwassenen"
      ],
      "themes": [
        "digitale-inclusie"
      ],
      "tier": "basis",
      "wsob": [
        1,
        2,
        3,
        4
      ]
    },
    {
      "code": "verhalenbrink",
      "components": [
        {
          "basis": "custom-quote",
          "code": "project",
          "name": "Project en exploitatie",
          "payer": "municipality",
          "source": "6.4"
        }
      ],
      "constraints": [],
      "description": "Verhalen en exposities over de geschiedenis van een dorp of streek, samen met erfgoedpartners, op een website en in de bibliotheek.",
      "name": "Verhalenbrink",
      "partners": [
        "Erfgoedinstellingen",
        "Historische verenigingen",
        "Dorpshuizen",
        "Welzijns- en zorginstellingen"
      ],
      "programmeLine": "participatie",
      "section": "6.4",
      "serviceLevels": [],
      "targetGroup": "Volwassenen en ouderen",
      "targetGroups": [
        "volwassenen"
      ],
      "themes": [
        "digitale-inclusie"
      ],
      "tier": "basis-plus",
      "wsob": [
        1,
        2,
        4,
        5
      ]
    },
    {
      "code": "maatwerk",
      "components": [
        {
          "basis": "per-hour",
          "by": "level",
          "code": "uren",
          "indexClass": "derived",
          "indicative": false,
          "name": "Uren naar niveau",
          "options": [
            {
              "formula": "uurtarief-mbo",
              "key": "mbo",
              "name": "Mbo"
            },
            {
              "formula": "uurtarief-hbo",
              "key": "hbo",
              "name": "Hbo"
            },
            {
              "formula": "uurtarief-wo",
              "key": "wo",
              "name": "Hbo+/wo"
            }
          ],
          "payer": "municipality",
          "precision": "cent",
          "recurrence": "one-off",
          "source": "1.3"
        }
      ],
      "constraints": [],
      "description": "Aanvullende projecten en opdrachten, gerekend in uren tegen het uurtarief van het gevraagde niveau.",
      "name": "Maatwerk",
      "partners": [],
      "section": "1.3",
      "serviceLevels": [],
      "targetGroup": "Afhankelijk van de opdracht",
      "tier": "basis-plus",
      "wsob": []
    }
  ],
  "targetGroups": [
    {
      "code": "jonge-kinderen",
      "name": "Jonge kinderen (0 tot 4 jaar) en hun ouders"
    },
    {
      "code": "kinderen",
      "name": "Kinderen (4 tot 12 jaar)"
    },
    {
      "code": "jongeren",
      "name": "Jongeren (12 tot 18 jaar)"
    },
    {
      "code": "volwassenen",
      "name": "Volwassenen en ouderen (18 jaar en ouder)"
    }
  ],
  "themes": [
    {
      "code": "leesbevordering",
      "name": "Leesbevordering"
    },
    {
      "code": "laaggeletterdheid",
      "name": "Laaggeletterdheid voorkomen en bestrijden"
    },
    {
      "code": "digitale-inclusie",
      "name": "Digitale inclusie"
    },
    {
      "code": "leven-lang-ontwikkelen",
      "name": "Een leven lang ontwikkelen"
    }
  ],
  "title": "Activiteitencatalogus 2025",
  "units": [
    {
      "amount": "57.00",
      "code": "uurtarief-mbo",
      "indexClass": "wage",
      "name": "Uurtarief mbo",
      "precision": "euro",
      "source": "1.3"
    },
    {
      "amount": "74.00",
      "code": "uurtarief-hbo",
      "indexClass": "wage",
      "name": "Uurtarief hbo",
      "precision": "euro",
      "source": "1.3"
    },
    {
      "amount": "96.00",
      "code": "uurtarief-wo",
      "indexClass": "wage",
      "name": "Uurtarief hbo+/wo",
      "precision": "euro",
      "source": "1.3"
    },
    {
      "amount": "2378.00",
      "code": "weekuur-educatiemedewerker",
      "indexClass": "wage",
      "name": "Eén uur per week gedurende een jaar, educatiemedewerker",
      "note": "Afgeleid uit de catalogus: 4.5 per locatie, 4.6 is 4 keer en 4.8 is 2 keer dit bedrag.",
      "precision": "euro",
      "source": "4.5"
    },
    {
      "amount": "19.35",
      "code": "boekprijs",
      "indexClass": "price",
      "name": "Prijs per boek",
      "precision": "cent",
      "source": "4.8"
    }
  ],
  "vat": {
    "schoolContributionRate": "9"
  },
  "wsobFunctions": [
    {
      "name": "Kennis en informatie",
      "number": 1
    },
    {
      "name": "Ontwikkeling en educatie",
      "number": 2
    },
    {
      "name": "Lezen en literatuur",
      "number": 3
    },
    {
      "name": "Ontmoeting en debat",
      "number": 4
    },
    {
      "name": "Kunst en cultuur",
      "number": 5
    }
  ],
  "year": 2025
}

"""#,
    ]
}

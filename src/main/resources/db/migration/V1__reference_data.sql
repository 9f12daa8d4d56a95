-- Reference data: the municipality's seven administrations and the committees they answer to (DOMAIN.md, glossary).
-- Codes keep their Ø. sort_order is the municipality's customary order (Økonomiforvaltningen first).

CREATE TABLE committee (
    code       varchar(10)  PRIMARY KEY,
    name       varchar(200) NOT NULL,
    sort_order integer      NOT NULL
);

CREATE TABLE administration (
    code           varchar(10)  PRIMARY KEY,
    name           varchar(200) NOT NULL,
    committee_code varchar(10)  NOT NULL REFERENCES committee (code),
    sort_order     integer      NOT NULL
);

INSERT INTO committee (code, name, sort_order) VALUES
    ('ØU',  'Økonomiudvalget', 1),
    ('BUU', 'Børne- og Ungdomsudvalget', 2),
    ('KFU', 'Kultur- og Fritidsudvalget', 3),
    ('SOU', 'Socialudvalget', 4),
    ('SUU', 'Sundheds- og Omsorgsudvalget', 5),
    ('TMU', 'Teknik- og Miljøudvalget', 6),
    ('BIU', 'Beskæftigelses- og Integrationsudvalget', 7);

INSERT INTO administration (code, name, committee_code, sort_order) VALUES
    ('ØKF', 'Økonomiforvaltningen', 'ØU', 1),
    ('BUF', 'Børne- og Ungdomsforvaltningen', 'BUU', 2),
    ('KFF', 'Kultur- og Fritidsforvaltningen', 'KFU', 3),
    ('SOF', 'Socialforvaltningen', 'SOU', 4),
    ('SUF', 'Sundheds- og Omsorgsforvaltningen', 'SUU', 5),
    ('TMF', 'Teknik- og Miljøforvaltningen', 'TMU', 6),
    ('BIF', 'Beskæftigelses- og Integrationsforvaltningen', 'BIU', 7);

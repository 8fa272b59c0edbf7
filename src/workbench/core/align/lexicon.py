"""A small hand-made Russian–English lexicon of frequent words that translate reliably.

Each entry is ``russian stems | english forms``: a Russian word matches a stem
when it starts with it (a stem of three letters or fewer must match the whole
word), an English word must equal one of the forms. Number words map to the
same keys as digits, so "два" meets "2" and "two".
"""

from __future__ import annotations

from functools import lru_cache

_NUMBERS = """
один одна одно одного одной одном одним одну|one|1
два две двух двум двумя|two|2
три трех трём трем тремя|three|3
четыр|four|4
пят|five|5
шест|six|6
сем семерк|seven|7
восем восьм|eight|8
девят|nine|9
десят|ten|10
сто|hundred|100
тысяч|thousand thousands|1000
миллион|million millions|1000000
миллиард|billion billions|1000000000
перв|first firstly|1
"""

_WORDS = """
год года году годом годы лет|year years
день дня дню днем днём дни дней|day days
недел|week weeks
месяц|month months
час часа часов|hour hours
минут|minute minutes
сегодня|today
вчера|yesterday
завтра|tomorrow
время времени|time
человек люди людей людям|man person people
женщин|woman women
мужчин|man men
ребен ребён дети детей детям|child children
мать матер|mother
отец отца отцу|father
сын сына сыну|son
дочь дочер|daughter
брат|brother
сестр|sister
жена жены жене жену|wife
муж мужа мужу|husband
друг друга друзья друзей|friend friends
дом дома доме домой|house home
город|city town
стран|country countries
мир мира миру|world peace
земл|land earth ground
вод|water
ден денег деньги|money
рубл|rouble roubles ruble rubles
доллар|dollar dollars
цен|price prices
работ|work job working worked
войн|war wars
власт|power authorities
правительств|government
государств|state
закон|law laws
суд|court
полици|police
арм|army
вопрос|question questions issue
ответ|answer answered
сказал сказала сказали говорит говорил|said says told
голов|head
рук рука руки руку рукой руками руках|hand hands
глаз глаза глазами глазах|eye eyes
лиц|face
дверь двери|door
окн|window
улиц|street
ночь ночи ночью|night
утр|morning
вечер|evening
жизн|life
смерт|death
новы нового новой новую новых|new
стар|old
втор|second
последн|last
больш|big large great
маленьк|small little
хорош|good
плох|bad
сейчас|now
также тоже|also
никогда|never
всегда|always
потому|because
если|if
когда|when
почему|why
где|where
нет|no not
да|yes
но|but
или|or
спасибо|thanks thank
школ|school
книг|book books
письм|letter letters
слов|word words
имя имени|name
случа|case
решени|decision
сил|force forces strength
помощ|help
игр|game games play
команд|team
товар|goods product products
заказ|order ordered
доставк|delivery
качеств|quality
размер|size
цвет|colour color
покупк|purchase
лини|line lines
партия партии партию партией|party
крестьян|peasant peasants peasantry
рабочи рабочих рабочим|worker workers
займ|loan loans
дан дани|tribute
хлеб|bread grain
деревн|village villages countryside
член|member members
съезд|congress
газет|newspaper newspapers
статья стать|article
речь речи|speech
собрани|meeting assembly
предложени|proposal offer
борьб|struggle fight
враг|enemy enemies
союзник|ally allies
товарищ|comrade comrades
вожд вождь|leader leaders
руководител|leader head
народ|people nation
истори|history story
"""


def _build() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    russian: dict[str, list[str]] = {}
    english: dict[str, list[str]] = {}
    for block, numeric in ((_NUMBERS, True), (_WORDS, False)):
        for line in block.strip().splitlines():
            parts = line.split("|")
            concept = f"n:{parts[2]}" if numeric else parts[1].split()[0]
            for stem in parts[0].split():
                russian.setdefault(stem, []).append(concept)
            for form in parts[1].split():
                english.setdefault(form, []).append(concept)
    return (
        {k: tuple(v) for k, v in russian.items()},
        {k: tuple(v) for k, v in english.items()},
    )


_RUSSIAN, _ENGLISH = _build()
_LONGEST_STEM = max(len(stem) for stem in _RUSSIAN)


@lru_cache(maxsize=65536)
def lexicon_keys(word: str, lang: str) -> tuple[str, ...]:
    """Concept keys of a lower-case word (numbers come back as ``n:VALUE`` keys)."""
    if lang != "ru":
        return _ENGLISH.get(word, ())
    exact = _RUSSIAN.get(word)
    if exact is not None:
        return exact
    for length in range(min(len(word) - 1, _LONGEST_STEM), 3, -1):
        found = _RUSSIAN.get(word[:length])
        if found is not None:
            return found
    return ()

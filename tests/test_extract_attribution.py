"""Who said it: each attribution pattern on a small made-up text.

The index is built by hand (no database): known people and organizations get ids; anyone
else in the text is proposed by the linker."""

import pytest

from archive.importer.attribution import attribute
from archive.importer.linking import EntityIndex, Ref, link
from archive.names import fold

KNOWN = [
    ("person", "Vanessa Saenen"),
    ("person", "Vyacheslav Kalyuzhnyi"),
    ("person", "Sergei Duvanov"),
    ("organization", "Human Rights Watch", "HRW"),
    ("organization", "RFE/RL"),
    ("organization", "Democratic Choice of Kazakhstan"),
]


def index():
    idx = EntityIndex()
    for pk, (kind, name, *aliases) in enumerate(KNOWN, start=1):
        ref = Ref(kind, fold(name), name, pk)
        idx.add(ref, name, "name")
        for alias in aliases:
            idx.add(ref, alias, "alias")
    return idx


def speakers(text):
    """[(quoted words, speaker name or None)] in reading order."""
    result = attribute(text, link(text, index()))
    return [
        (text[a.span.start : a.span.end], a.speaker.name if a.speaker else None) for a in result
    ]


def test_cue_after_with_name():
    text = '"We are worried about the vote," Saenen said.'
    # "Saenen" alone is not linked before a full mention, so she is proposed by surname.
    text = "Vanessa Saenen works for HRW.\n\n" + text
    assert speakers(text) == [("We are worried about the vote", "Vanessa Saenen")]


def test_inverted_cue_with_unknown_person_and_apposition():
    text = (
        '"The boycott is a mistake," said Dossym Satpayev, a political analyst in Almaty. '
        '"It leaves the field to the ruling party."'
    )
    assert speakers(text) == [
        ("The boycott is a mistake", "Dossym Satpayev"),
        ("It leaves the field to the ruling party.", "Dossym Satpayev"),
    ]


def test_spokesman_for_an_organization_named_in_apposition():
    text = (
        'John Smith, a spokesman for the Interior Ministry, said: "Nothing is wrong."\n\n'
        '"We will go on," Smith added.'
    )
    assert speakers(text) == [
        ("Nothing is wrong.", "John Smith"),
        ("We will go on", "John Smith"),
    ]


def test_cue_before_with_colon_and_continued():
    text = (
        "Vyacheslav Kalyuzhnyi denied the accusations.\n\n"
        'Kalyuzhnyi continued: "I don\'t think the report reflects the reality."'
    )
    assert speakers(text) == [
        ("I don't think the report reflects the reality.", "Vyacheslav Kalyuzhnyi")
    ]


def test_according_to_before_and_after():
    text = (
        'According to Human Rights Watch, "the elections were far from fair." '
        'The vote was "a step backwards," according to Sergei Duvanov.'
    )
    assert speakers(text) == [
        ("the elections were far from fair.", "Human Rights Watch"),
        ("a step backwards", "Sergei Duvanov"),
    ]


def test_pronoun_told_outlet_resolves_to_the_person_just_introduced():
    text = (
        "Vanessa Saenen is a spokeswoman for HRW in Brussels. "
        '"Our main concern is the elections," she told RFE/RL.'
    )
    assert speakers(text) == [("Our main concern is the elections", "Vanessa Saenen")]


def test_pronoun_follows_gender_not_just_recency():
    text = (
        "Vanessa Saenen is a spokeswoman for HRW. Sergei Duvanov, an opposition journalist, "
        "was released last year.\n\n"
        '"The government must stop this," she said.\n\n'
        '"I will keep writing," he said.'
    )
    assert speakers(text) == [
        ("The government must stop this", "Vanessa Saenen"),
        ("I will keep writing", "Sergei Duvanov"),
    ]


def test_pronoun_skips_people_named_inside_quotes_and_as_objects():
    text = (
        'Vyacheslav Kalyuzhnyi said: "Sergei Duvanov is free now."\n\n'
        "He spoke after meeting with Sergei Duvanov. "
        '"Nobody is persecuting anyone," he said.'
    )
    result = speakers(text)
    assert result[-1] == ("Nobody is persecuting anyone", "Vyacheslav Kalyuzhnyi")


def test_description_with_possessive_organization():
    text = (
        "Vanessa Saenen is a spokeswoman for HRW.\n\n"
        '"They have amended a law," the HRW\'s Saenen said.'
    )
    assert speakers(text) == [("They have amended a law", "Vanessa Saenen")]


def test_description_by_role_the_minister():
    text = (
        "Britain's home secretary, Priti Patel, defended the plan. "
        "Enver Solomon, the chief executive of the Refugee Council, criticised it, and he "
        "said so.\n\n"
        'The secretary was unmoved. "We will not be deterred," the secretary told the BBC.'
    )
    assert speakers(text)[-1] == ("We will not be deterred", "Priti Patel")


def test_his_wife_named_by_given_name():
    text = (
        "Mahmadruzi Iskandarov, an opposition leader, was detained on Sunday. "
        "Iskandarov's wife, Gulnora, said she had not heard from him. "
        '"I am very worried," she said.'
    )
    assert speakers(text) == [("I am very worried", "Gulnora")]


def test_party_said_in_a_statement():
    text = (
        "The ruling Nur Otan party won every seat. "
        '"The voters have spoken," the party said in a statement.'
    )
    assert speakers(text) == [("The voters have spoken", "Nur Otan")]


def test_ministry_said_resolves_to_the_ministry_named_earlier():
    text = (
        "The Interior Ministry denied the arrest.\n\n"
        '"Nobody has been detained," the ministry said on Monday.'
    )
    assert speakers(text) == [("Nobody has been detained", "Interior Ministry")]


def test_known_organization_as_speaker():
    text = '"Parties should be registered," Human Rights Watch said in its report.'
    assert speakers(text) == [("Parties should be registered", "Human Rights Watch")]


@pytest.mark.parametrize(
    "text",
    [
        '"The situation is under control," officials said on Wednesday.',
        '"People were running everywhere," one protester said.',
        'A ministry official, who asked not to be named, said: "These people lie."',
    ],
)
def test_no_speaker_when_the_text_names_none(text):
    result = speakers(text)
    assert len(result) == 1
    assert result[0][1] is None


def test_quote_interrupted_by_its_attribution():
    text = 'Vanessa Saenen spoke in Brussels. "We are," she said, "not going to give up."'
    assert speakers(text) == [
        ("We are", "Vanessa Saenen"),
        ("not going to give up.", "Vanessa Saenen"),
    ]


def test_quote_running_over_paragraphs_keeps_its_speaker():
    text = (
        '"This is revenge for her work," said her lawyer, Mikhail Orlov. "The prosecution '
        "had no evidence.\n\n"
        '"We will appeal to the Supreme Court."\n\n'
        "The Kremlin declined to comment."
    )
    assert speakers(text) == [
        ("This is revenge for her work", "Mikhail Orlov"),
        ("The prosecution had no evidence.", "Mikhail Orlov"),
        ("We will appeal to the Supreme Court.", "Mikhail Orlov"),
    ]


def test_unattributed_sentence_after_an_attributed_one_in_the_paragraph():
    text = (
        "Vanessa Saenen said the government has a record of manipulation. "
        '"It is a long tradition of unfair elections," she said. "The local elections '
        'were far from free."'
    )
    assert [s for _, s in speakers(text)] == ["Vanessa Saenen", "Vanessa Saenen"]


def test_whole_paragraph_quote_after_a_quote_ending_the_paragraph_before():
    text = (
        'Vyacheslav Kalyuzhnyi said: "I cannot confirm it."\n\n'
        '"These people are imprisoned for the crimes they committed."'
    )
    assert [s for _, s in speakers(text)] == ["Vyacheslav Kalyuzhnyi"] * 2


def test_pull_quote_repeating_words_takes_their_speaker():
    text = (
        '"The government really tried to exclude candidates by charging them."\n\n'
        "The report cites harassment.\n\n"
        "Saenen's colleague spoke first. Vanessa Saenen then said: \"The local elections "
        "were not free. The government really tried to exclude candidates by charging them. "
        'The same was true in 2002."'
    )
    result = speakers(text)
    assert result[0] == (
        "The government really tried to exclude candidates by charging them.",
        "Vanessa Saenen",
    )


def test_partial_quote_takes_the_sentence_subject():
    text = 'Roza Otunbaeva, an opposition leader, called the vote "a farce" on Monday.'
    assert speakers(text) == [("a farce", "Roza Otunbaeva")]


@pytest.mark.parametrize(
    "text",
    [
        'The report, titled "No One Left to Witness", documents torture.',
        'The so-called "foreign agents" law was passed.',
        'Officials blamed "provocateurs" for the violence.',
        'She was sentenced for "inciting social discord" in August.',
        'The agency carried an article headlined "Who Is Behind the Riots?" on Monday.',
    ],
)
def test_titles_and_scare_quotes_are_not_speech(text):
    assert speakers(text) == []


def test_passive_cue_names_no_speaker():
    text = (
        "Steve Swerdlow, a researcher, spoke to prisoners.\n\n"
        "He said one former prisoner had described being told: "
        "‘Sign or you will never see your children again.’"
    )
    assert speakers(text) == [("Sign or you will never see your children again.", None)]


def test_question_and_nested_single_quotes():
    text = (
        "Rachel Denber, deputy director at Human Rights Watch, disagreed. "
        "\"We asked him, 'Will you veto this law?' We never got an answer,\" she said. "
        '"Why should bloggers be treated like newspapers?" asked Denber.'
    )
    assert speakers(text) == [
        ("We asked him, 'Will you veto this law?' We never got an answer", "Rachel Denber"),
        ("Why should bloggers be treated like newspapers?", "Rachel Denber"),
    ]


def test_mixed_straight_and_curly_marks():
    text = (
        "Vanessa Saenen spoke on Tuesday. "
        "\"Kazakhstan's government is trying to limit the parties,” the HRW's Saenen said. "
        '“They have amended a law."'
    )
    assert speakers(text) == [
        ("Kazakhstan's government is trying to limit the parties", "Vanessa Saenen"),
        ("They have amended a law.", "Vanessa Saenen"),
    ]


def test_subject_stands_after_a_leading_clause_that_names_someone_else():
    text = (
        "Vyacheslav Kalyuzhnyi spoke in Astana.\n\n"
        "Asked whether Sergei Duvanov might be pardoned, Kalyuzhnyi replied: "
        '"That is a decision for the president alone."'
    )
    assert speakers(text) == [
        ("That is a decision for the president alone.", "Vyacheslav Kalyuzhnyi")
    ]


def test_subject_before_an_insertion_naming_someone_else():
    text = (
        "Vanessa Saenen, who met Sergei Duvanov last week, said: "
        '"He should never have been jailed."'
    )
    assert speakers(text) == [("He should never have been jailed.", "Vanessa Saenen")]


def test_the_official_is_the_person_just_spoken_of():
    text = (
        "Vyacheslav Kalyuzhnyi of the ombudsman's office said the prisoner was treated. "
        '"Doctors visit him regularly," the official said.'
    )
    assert speakers(text) == [("Doctors visit him regularly", "Vyacheslav Kalyuzhnyi")]


def test_present_tense_feature_style_with_age_and_a_one_name_interviewee():
    text = (
        "Every morning, Dinara Seitova opens the shelter.\n\n"
        '"Most of them arrive with nothing," says Seitova, 47, who founded it.\n\n'
        "One of them is Aliya, 29, who asked that her surname not be used. "
        '"I thought it was normal," she says quietly.'
    )
    assert speakers(text) == [
        ("Most of them arrive with nothing", "Dinara Seitova"),
        ("I thought it was normal", "Aliya"),
    ]


def test_lede_quote_taken_up_by_the_next_paragraph():
    text = (
        '"This is a historic day for our two countries."\n\n'
        "With those words, Energy Minister Baktykozha Izmukhambetov opened the ceremony."
    )
    assert speakers(text) == [
        ("This is a historic day for our two countries.", "Baktykozha Izmukhambetov")
    ]


def test_standalone_quote_paragraph_without_a_speaker_stays_unattributed():
    text = 'The hall fell silent.\n\n"This is a historic day for our two countries."'
    assert speakers(text) == [("This is a historic day for our two countries.", None)]


def test_quoted_by_an_agency_as_saying():
    text = (
        "Prosecutor-General Askhat Daulbaev defended the arrests. Daulbaev was quoted by the "
        'Interfax news agency as saying: "Those who organized the unrest will be punished."'
    )
    assert speakers(text) == [
        ("Those who organized the unrest will be punished.", "Askhat Daulbaev")
    ]


def test_the_watchdog_is_not_the_outlet_it_spoke_to():
    text = (
        'Human Rights Watch issued a report. "It is a crackdown," it told RFE/RL.\n\n'
        '"Parties must be registered," the watchdog said.'
    )
    assert [s for _, s in speakers(text)] == ["Human Rights Watch", "Human Rights Watch"]


def test_the_statement_said_names_its_issuer():
    text = (
        "The Interior Ministry issued a statement on Monday. "
        '"Nobody has been detained," the statement said.'
    )
    assert speakers(text) == [("Nobody has been detained", "Interior Ministry")]


def test_a_long_attribution_before_the_quote():
    text = (
        "Vanessa Saenen told reporters at a crowded news conference in Almaty on Tuesday "
        'afternoon, shortly after meeting officials: "The government must stop this."'
    )
    assert speakers(text) == [("The government must stop this.", "Vanessa Saenen")]


def test_in_her_words():
    text = (
        "Vanessa Saenen has followed the trials for years. In her words, "
        '"the verdicts are written before the hearings begin."'
    )
    assert speakers(text) == [
        ("the verdicts are written before the hearings begin.", "Vanessa Saenen")
    ]


def test_words_of_a_law_are_a_quotation_without_a_speaker():
    text = 'The constitution says that "no one may be detained without a court order."'
    text = text.replace("says", "provides")
    assert speakers(text) == [("no one may be detained without a court order.", None)]


def test_quote_after_a_sentence_about_its_speaker():
    text = (
        "Talgat Ayan, a local activist, was among the organizers. He was blunt. "
        '"The land belongs to the people."'
    )
    assert speakers(text) == [("The land belongs to the people.", "Talgat Ayan")]


def test_paragraph_ending_in_a_colon_without_a_reporting_verb():
    text = (
        "Ayan's fellow organizer, Maks Bokaev, put it this way:\n\n"
        '"We are not against investment."'
    )
    assert speakers(text) == [("We are not against investment.", "Maks Bokaev")]


def test_subject_after_a_leading_question_clause_is_an_organization():
    text = (
        "The Justice Ministry drafted the law.\n\n"
        "Asked about the criticism, the ministry said in a reply that it was "
        '"open to dialogue with civil society."'
    )
    assert speakers(text) == [("open to dialogue with civil society.", "Justice Ministry")]


def test_a_chant_is_a_quotation_without_a_speaker():
    assert speakers('The crowd chanted "No to the land sale!" as police watched.') == [
        ("No to the land sale!", None)
    ]


def test_person_introduced_as_a_subject_and_taken_up_by_a_pronoun():
    text = 'Bolat Abilov resigned from the party in 2007. "I could not stay," he said later.'
    assert speakers(text) == [("I could not stay", "Bolat Abilov")]


def test_quoted_him_as_saying():
    text = (
        "Vyacheslav Kalyuzhnyi visited the prison. Interfax quoted him as saying: "
        '"Conditions are normal."'
    )
    assert speakers(text) == [("Conditions are normal.", "Vyacheslav Kalyuzhnyi")]


def test_abbreviated_titles_and_a_home_state():
    text = (
        '"They were told three times," Sen. Tom Harwell of Oklahoma said at a hearing.\n\n'
        "His challenger, state Rep. Angela Ruiz, accused him of "
        '"discovering the issue only when the cameras arrived."'
    )
    assert speakers(text) == [
        ("They were told three times", "Tom Harwell"),
        ("discovering the issue only when the cameras arrived.", "Angela Ruiz"),
    ]


def test_organization_then_title_then_person_in_one_run():
    text = (
        '"We see risks on both sides," National Bank Governor Timur Suleimenov said. '
        'Asked about a cut, he replied: "Everything depends on the data."'
    )
    assert speakers(text) == [
        ("We see risks on both sides", "Timur Suleimenov"),
        ("Everything depends on the data.", "Timur Suleimenov"),
    ]


def test_her_husband_named_after_her():
    text = (
        '"You can smell it," said Mary Ellen Foster, 68. Her husband, Bill, nodded. '
        '"We don\'t sleep well," he said.'
    )
    assert speakers(text) == [
        ("You can smell it", "Mary Ellen Foster"),
        ("We don't sleep well", "Bill"),
    ]


def test_a_one_word_quote_inside_narrative_is_not_rescued_by_a_later_quote():
    text = (
        'Bokayev\'s lawyer, Bauyrzhan Azanov, called the ruling "shameful". '
        '"The court ignored every argument we made," Azanov said.'
    )
    assert speakers(text) == [("The court ignored every argument we made", "Bauyrzhan Azanov")]


def test_second_partial_quote_in_the_same_sentence_keeps_the_speaker():
    text = (
        'The U.S. Embassy said it was "deeply concerned" by the reports and urged the '
        'authorities to "respect due process."'
    )
    assert speakers(text) == [
        ("deeply concerned", "U.S. Embassy"),
        ("respect due process.", "U.S. Embassy"),
    ]


def test_pronoun_subject_of_a_relative_clause():
    text = (
        'Vyacheslav Kalyuzhnyi set out the plan, a goal he described as "ambitious but achievable."'
    )
    assert speakers(text) == [("ambitious but achievable.", "Vyacheslav Kalyuzhnyi")]


def test_dash_instead_of_comma_before_the_attribution():
    text = "Vanessa Saenen spoke last. “We will not give up” — she said."
    assert speakers(text) == [("We will not give up", "Vanessa Saenen")]


def test_a_speaker_who_gave_only_a_first_name():
    text = (
        '"I read that the vaccine is dangerous," said a mother in Lviv who gave her name '
        "only as Oksana."
    )
    assert speakers(text) == [("I read that the vaccine is dangerous", "Oksana")]

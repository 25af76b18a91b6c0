"""Hand-written evaluation stories: Afghanistan 2021 and Syria 2024.

Every text here was written for frontwatch's evaluation. The events are real; the local
officials, residents and their words are invented. Each family has an original ("a", a
wire-style story), an independent story on the same event by another outlet ("b", a hard
negative for "a"), and a story on a neighbouring event ("c"). "spin" texts are rewrites of
the family's original in the style of content farms: synonyms swapped, sentences reordered
or merged, names and figures kept.
"""

AF = {
    "a": {"published": "2021-08-07T14:10:00+00:00", "outlet": "Wire Service", "text": """\
Taliban fighters captured Sheberghan, the capital of northern Jowzjan province, on Saturday, the second provincial capital to fall to the insurgents in two days.
Provincial council member Nasrullah Qaderi said government forces and officials had withdrawn to the airport about 5 kilometres outside the city after heavy fighting through the night. "The whole city is in the hands of the Taliban except the airport," Qaderi said.
The fall of Sheberghan is a blow to Abdul Rashid Dostum, the former vice president whose militia has long defended the city.
A day earlier the Taliban took Zaranj, the capital of Nimroz province on the border with Iran.
A Taliban spokesman said fighters had seized the governor's compound, the police headquarters and the prison, freeing around 600 inmates.
The defence ministry in Kabul said commando units had been sent to the province and that air strikes had killed 112 insurgents in Jowzjan over the previous 24 hours. The claim could not be independently verified.
The insurgents have stepped up attacks on cities since May, when foreign troops began the final stage of their withdrawal, due to end on August 31.
"""},
    "b": {"published": "2021-08-07T18:45:00+00:00", "outlet": "Kabul Ledger", "text": """\
Residents of Sheberghan described streets emptied of police as Taliban fighters raised their white flag over the main square on Saturday afternoon.
The city of roughly 175,000 people in Jowzjan is the home base of Abdul Rashid Dostum, the Uzbek commander who spent decades fighting the movement.
One shopkeeper, who asked that only his first name, Karim, be used, said he saw fighters on motorbikes driving past the governor's office while families loaded cars to head west toward Andkhoy.
Officials in Kabul insisted the army had only pulled back to regroup at the airport and would counter-attack within days.
Local journalists reported that the prison had been opened and several hundred inmates, by some accounts 600, walked out.
Sheberghan is the second provincial capital lost by the government this week after Zaranj in Nimroz fell on Friday without a fight.
Analysts said the twin losses showed the Taliban could now take and hold cities, not only rural districts, as the last US troops prepare to leave by August 31.
"""},
    "c": {"published": "2021-08-08T09:30:00+00:00", "outlet": "Northern Dispatch", "text": """\
The Taliban overran Sar-e-Pul, the capital of the province of the same name, on Sunday, a day after taking neighbouring Sheberghan in Jowzjan.
A member of the provincial council, Abdul Qayum Saberi, said the last government positions around the city fell before dawn and that a few hundred soldiers had retreated to an army base on the road to Sozma Qala.
Saberi said the Taliban had asked soldiers to hand over their weapons in exchange for safe passage, and that many had accepted.
In the east of the country, fighting continued around Kunduz, where government troops and militia held the airport and the army corps headquarters.
The interior ministry said 385 Taliban fighters had been killed across the country in the past day, a figure the insurgents disputed.
The string of losses in the north has raised fears that Mazar-i-Sharif, the largest city in the region, could soon be surrounded.
"""},
    "spin": {"published": "2021-08-08T06:00:00+00:00", "outlet": "NewsHub Daily", "text": """\
Sheberghan, the main city of Jowzjan province in the north, was seized by Taliban militants on Saturday, making it the second regional capital lost to the rebels within only two days.
According to Nasrullah Qaderi, a member of the provincial council, the government troops and officials pulled back to the airport, which lies about 5 kilometres from the city, after intense clashes all night long.
Qaderi stated that the entire city is under Taliban control apart from the airport.
Just one day before, the militants had seized Zaranj, the main city of Nimroz province which borders Iran.
The loss of Sheberghan is a setback for the ex-vice president Abdul Rashid Dostum, whose fighters defended the city for a long time.
The Kabul defence ministry stated that commando forces were dispatched to the province and that airstrikes killed 112 militants in Jowzjan in the last 24 hours, but this claim could not be verified independently.
A spokesman of the Taliban said that the fighters took the compound of the governor, the police headquarters as well as the jail and released around 600 prisoners.
Since May, when the foreign forces started the last phase of their pullout that is due to finish on August 31, the rebels have intensified their assaults on cities.
"""},
    "spin2": {"published": "2021-08-08T11:20:00+00:00", "outlet": "Asia Breaking", "text": """\
Taliban insurgents took over Sheberghan on Saturday, the provincial capital of Jowzjan in northern Afghanistan, which became the second such city the group captured in a matter of two days.
Council member Nasrullah Qaderi explained that officials and security forces retreated to the city airport, roughly 5 kilometres away, following fierce overnight battles, and that the full city except for the airport belongs to the Taliban now.
The defeat is a heavy blow for Abdul Rashid Dostum, the former vice president, as his militia had protected Sheberghan for years.
The rebels had captured Zaranj, capital of Nimroz on the Iranian frontier, one day before.
The Taliban claimed through a spokesman that they seized the governor's compound, police headquarters and prison, setting free around 600 inmates.
Meanwhile the ministry of defence in Kabul reported that air raids killed 112 insurgents in Jowzjan in 24 hours and that commandos had been sent, which was not possible to verify independently.
"""},
}

SY = {
    "a": {"published": "2024-11-30T13:05:00+00:00", "outlet": "Wire Service", "text": """\
Insurgents led by Hayat Tahrir al-Sham swept into large parts of Aleppo on Saturday, the first time opposition forces have entered Syria's second city since government troops retook it in 2016.
A war monitor, the Syrian Observatory for Human Rights, said the fighters had taken control of the city centre, the citadel and several government buildings with little resistance, and that at least 277 people had been killed since the offensive began on Wednesday.
The Syrian army acknowledged that dozens of its soldiers had been killed and said it had carried out a temporary redeployment to prepare a counter-offensive.
Russian warplanes struck the outskirts of the city overnight, according to residents.
The offensive was launched from rebel-held Idlib province and has also captured dozens of towns and villages in the Aleppo and Idlib countryside, including Saraqeb on the M5 highway linking Aleppo to Damascus.
Aleppo airport was closed and all flights were cancelled, a security official said.
Turkey, which backs some rebel factions, called for an end to attacks on Idlib and said it wanted to avoid further instability on its border.
"""},
    "b": {"published": "2024-11-30T16:40:00+00:00", "outlet": "Levant Review", "text": """\
For Aleppo residents who lived through the siege that ended in 2016, the sight of armed men in pickup trucks outside the citadel on Saturday brought back memories many had tried to bury.
Rana Haddad, a 34-year-old teacher in the Hamdaniyeh district, said by phone that she had not left her flat since Friday evening and could hear gunfire near the university.
"Nobody knows who is in charge of which street," she said. "The bakeries closed, the water comes and goes."
Fighters from Hayat Tahrir al-Sham and allied factions posted videos from Saadallah al-Jabiri square, while state television said the army was fighting to repel "terrorist groups" in the western neighbourhoods.
A monitoring group put the death toll of four days of fighting at 277, including civilians killed by air strikes on Idlib.
Aid agencies warned that hospitals were running short of fuel and that thousands of families had fled toward Nubl and Zahraa and the Kurdish-run Sheikh Maqsoud district.
"""},
    "c": {"published": "2024-12-05T17:20:00+00:00", "outlet": "Levant Review", "text": """\
Rebel fighters entered Hama on Thursday after days of fighting on its northern approaches, and the Syrian army said it had withdrawn its units from the city to protect civilian lives.
The capture of Hama, Syria's fourth-largest city, came a week after the same coalition of factions led by Hayat Tahrir al-Sham seized most of Aleppo.
Crowds gathered near the city's governorate building and fighters freed hundreds of detainees from the central prison, according to videos verified by journalists.
Hama has symbolic weight for the opposition: in 1982 government forces crushed an uprising there, killing thousands of people.
The road south now leads to Homs, which links Damascus with the coast, and residents of Homs began leaving in large numbers on Thursday night.
Russia and Iran said they continued to support the government in Damascus, while Turkey called for talks.
"""},
    "spin": {"published": "2024-12-01T08:00:00+00:00", "outlet": "Global Times Now", "text": """\
Rebel fighters headed by Hayat Tahrir al-Sham stormed into big parts of Aleppo on Saturday, marking the first time the opposition has entered the second largest city of Syria since the government forces recaptured it in 2016.
The insurgents grabbed control of the city centre, the citadel and a number of state buildings while meeting little resistance, the Syrian Observatory for Human Rights war monitor stated, adding that no fewer than 277 people have died since the assault started on Wednesday.
Residents reported that Russian jets bombed the edges of the city during the night.
The Syrian military admitted that dozens of its troops were killed and stated it had made a temporary redeployment in order to get ready for a counter-attack.
A security official said Aleppo airport was shut and every flight was cancelled.
Launched from Idlib province held by the rebels, the assault also seized dozens of villages and towns in the countryside of Aleppo and Idlib, among them Saraqeb on the M5 highway that connects Aleppo with Damascus.
"""},
}

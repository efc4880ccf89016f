package corpus

import "strings"

// vocab is the word stock of one language. The words are only meant to look
// like the language; the sentences built from them need not make sense.
type vocab struct {
	function   []string // short grammatical words, frequent in prose
	nouns      []string
	verbs      []string
	adjectives []string
	adverbs    []string
	// titleTemplates build page titles: %N is a noun, %A an adjective,
	// %V a verb; the first letter is capitalised afterwards.
	titleTemplates []string
	// seeAlso introduces a sentence that carries a link.
	seeAlso []string
	// seeAlsoHeading heads the list of links that did not fit in the text.
	seeAlsoHeading string
	// units and currencies for tables
	amount func(n int) string
}

func words(s string) []string { return strings.Fields(s) }

var daVocab = &vocab{
	function: words(`og i at det en den til er som på de med af for ikke der
		men et har om vi kan skal vil nu over fra du ud sin dem os op man hvor
		eller hvad selv her alle efter ned denne end dette også under have
		mod disse hvis din nogle hos mange sådan når jeres deres hvordan
		inden mellem uden samt dog ved blandt hvilke hvornår`),
	nouns: words(`borger kommune ansøgning ydelse regel frist sagsbehandling
		afgørelse klage myndighed borgerservice bolig boligstøtte pension skat
		årsopgørelse forskudsopgørelse indkomst fradrag barn forælder familie
		skole uddannelse læreplads arbejde ledighed dagpenge kontanthjælp
		sygedagpenge sundhed læge sygehus tandlæge medicin ældre hjemmehjælp
		plejebolig handicap hjælpemiddel transport bus tog vej trafik bil
		kørekort pas sygesikring folkeregister adresse flytning vielse
		skilsmisse navneændring dødsfald arv testamente affald genbrug miljø
		natur vand varme energi byggetilladelse lokalplan ejendom grund
		ejendomsskat virksomhed moms regnskab tilladelse bevilling erhverv
		landbrug fiskeri kultur bibliotek museum idræt forening frivillig valg
		byråd udvalg dagsorden referat høring budget økonomi gæld betaling
		faktura gebyr takst tilskud støtte rådgivning vejledning oplysning
		dokumentation samtykke fuldmagt digitalisering selvbetjening postkasse
		brev meddelelse underretning partshøring aktindsigt persondata
		sikkerhed beredskab politi sagsbehandler kontor telefontid åbningstid
		blanket formular kvittering lov bekendtgørelse cirkulære vejledning
		praksis ordning aftale kontrakt periode måned uge dag år beløb sats
		grænse opgørelse ændring oplysninger sag dokument bilag krav betingelse
		mulighed rettighed pligt ansvar område borgerrådgiver medarbejder
		leder afdeling center institution dagtilbud vuggestue børnehave
		fritidshjem klub ungdomsskole gymnasium erhvervsskole universitet
		stipendium lærling praktik job løn ferie barsel orlov pasning plads
		venteliste tilmelding afmelding bopæl statsborgerskab opholdstilladelse
		indfødsret tolk sprog dansk prøve kursus`),
	verbs: words(`søger modtager udbetaler beregner vurderer behandler
		godkender afviser oplyser kontakter skriver sender udfylder vedlægger
		dokumenterer indberetter ændrer opdaterer flytter bestiller betaler
		gælder kræver betyder indeholder omfatter giver får findes bliver
		udbetales beregnes vurderes behandles godkendes sendes afgøres
		kan skal må bør vil kunne skulle få gøre se finde læse søge bruge
		hjælpe vælge træffe starte stoppe ophøre fortsætte forlænge
		undersøge tjekke kontrollere registrere tilmelde afmelde`),
	adjectives: words(`ny gammel offentlig kommunal statslig særlig almindelig
		midlertidig varig løbende årlig månedlig digital personlig nødvendig
		relevant gældende skriftlig mundtlig endelig foreløbig samlet højere
		lavere mindre større vigtig mulig korrekt fuld delvis ekstra hurtig
		let svær grøn lokal national regional aktuel tidligere nuværende
		fremtidig selvstændig fælles konkret generel faglig økonomisk
		sociale praktiske ældre yngre enlig gift samlevende`),
	adverbs: words(`normalt typisk derfor desuden samtidig altid aldrig ofte
		sjældent først herefter senere straks hurtigst kun allerede ellers
		eventuelt dermed endnu igen fortsat især bl.a. bagefter snarest
		automatisk`),
	titleTemplates: []string{
		"%N og %N", "%A %N", "Sådan %V du %N", "Regler om %N", "%N for %N",
		"%N til %N", "Når du %V %N", "%A %N og %N", "Om %N", "%N", "Ansøg om %N",
		"%N i kommunen", "Spørgsmål om %N", "%N og %A %N",
	},
	seeAlso: []string{
		"Læs mere om", "Se også", "Du kan finde flere oplysninger under",
		"Der er mere om det i", "Læs også", "Se vejledningen om",
	},
	seeAlsoHeading: "Se også",
	amount: func(n int) string {
		if n >= 1000 {
			return itoa(n/1000) + "." + pad3(n%1000) + " kr."
		}
		return itoa(n) + " kr."
	},
}

var enVocab = &vocab{
	function: words(`the of and to a in is that for it as with on by this be
		are from or an at which not you your can have has will may must if
		when how what who their its all any each other some more than such
		into about after before under between without within also only`),
	nouns: words(`citizen municipality application benefit rule deadline
		decision complaint authority service housing allowance pension tax
		statement income deduction child parent family school education
		apprenticeship work unemployment assistance health doctor hospital
		dentist medicine elderly care disability aid transport bus train road
		traffic car licence passport insurance register address move marriage
		divorce name death inheritance will waste recycling environment nature
		water heating energy permit plan property land business account
		licence trade agriculture fishing culture library museum sport
		association volunteer election council committee agenda minutes
		consultation budget economy debt payment invoice fee rate grant
		support guidance information documentation consent proxy
		digitalisation inbox letter notice access data security emergency
		police caseworker office hours form receipt law order circular
		practice scheme agreement contract period month week day year amount
		limit change case document attachment requirement condition
		possibility right duty responsibility area adviser employee manager
		department centre institution daycare nursery kindergarten club
		college university grant trainee internship job salary holiday leave
		place waiting list registration residence citizenship interpreter
		language test course`),
	verbs: words(`apply receive pay calculate assess process approve reject
		report contact write send fill attach document register change update
		move order applies requires means contains covers gives gets is
		becomes are paid calculated assessed processed approved sent decided
		can should may must will could would find read search use help choose
		make start stop continue extend check control cancel renew`),
	adjectives: words(`new old public municipal national special general
		temporary permanent ongoing annual monthly digital personal necessary
		relevant current written oral final provisional total higher lower
		smaller larger important possible correct full partial extra quick
		easy difficult green local regional previous present future
		independent common specific financial practical older younger single
		married`),
	adverbs: words(`normally usually therefore also meanwhile always never
		often rarely first then later immediately only already otherwise
		possibly thus still again especially afterwards automatically`),
	titleTemplates: []string{
		"%N and %N", "%A %N", "How to %V %N", "Rules on %N", "%N for %N",
		"Apply for %N", "When you %V %N", "%A %N and %N", "About %N", "%N",
		"Questions about %N", "%N in the municipality", "Your %N",
	},
	seeAlso: []string{
		"Read more about", "See also", "More information is available in",
		"This is explained in", "You can also read", "See the guide on",
	},
	seeAlsoHeading: "See also",
	amount: func(n int) string {
		if n >= 1000 {
			return "DKK " + itoa(n/1000) + "," + pad3(n%1000)
		}
		return "DKK " + itoa(n)
	},
}

// klVocab holds Greenlandic-looking words: long, polysynthetic forms.
var klVocab = &vocab{
	function: words(`aamma imaluunniit kisianni taamaattumik aammattaaq soorlu
		tassa una taakku ullumikkut ukiumi qanoq sumi kina suna naak`),
	nouns: words(`inatsisartut naalakkersuisut kommuneqarfik sulisitsisut
		ilinniartitaaneq peqqissuseq aningaasaqarneq innuttaasut kalaallit
		nunaat atuarfik pisortat siunnersuisoqatigiit aalajangersagaq
		ingerlatsineq akileraarut isumaqatigiissut suliffeqarfik najugaqarfik
		qinnuteqaat paasissutissat ataatsimiititaliaq oqaatsit
		eqqartuussisoqarfik pilersaarut allakkiat nalunaarut ilaqutariit
		meeqqat utoqqaat angallanneq umiarsuit timmisartut aqqusineq
		illoqarfik nunaqarfik piniarneq aalisarneq takornariartitsineq
		avatangiisit inissiaq napparsimmavik nakorsaq katersugaasivik
		atuagaateqarfik arnartarfik sullissivik innuttaasunut
		pisortaqarfik qinersineq kommunalbestyrelsi aningaasartuutit
		akiliut tapiissut ikiorsiissut soraarnerussutisiaq inuussutissat
		sulisut ilinniarfik perorsaaneq meeqqerivik ukiuunerani aasaanerani
		qaammat sapaatip ulloq ukioq piffissaq allagaq uppernarsaat`),
	verbs: words(`qinnuteqarpoq pissarsivoq akiliivoq naatsorsuivoq
		nalilersuivoq suliarinnippoq akuersivoq itigartitsivoq
		nalunaarpoq attavegarpoq allappoq nassiussivoq immersuivoq
		nuussivoq inniminniivoq atuuppoq piumasaqarpoq imaqarpoq
		pisinnaavoq pisariaqarpoq ikiorsiivoq toqqaavoq aallartippoq
		unitsitsivoq ingerlatsivoq misissuivoq nalunaarsorpoq`),
	adjectives: words(`nutaaq pisoqaaq pisortatigoortoq immikkut ataatsimut
		killeqartoq ingerlaavartoq ukiumoortoq qaammammoortoq digitalimik
		inummut pisariaqartoq attuumassuteqartoq allaganngorlugu
		naammassisoq angisooq mikisoq pingaaruteqartoq ajornanngitsoq
		eqqortoq tamakkiisoq sukkasoq oqitsoq nunaqavissoq`),
	adverbs: words(`nalinginnaasumik taamaammat aammalu ataasiakkaarlugu
		tamatigut ilaanneeriarluni siullermik kingorna sukkasuumik
		kisimi aalajangersimasumik`),
	titleTemplates: []string{
		"%N", "%N %A", "%N aamma %N", "%N %N", "%A %N", "%N pillugu",
	},
	seeAlso: []string{
		"Paasissutissat amerlanerit uani", "Aamma takuuk",
		"Atuaruk aamma", "Paasisaqarnerorusukkuit uani",
	},
	seeAlsoHeading: "Aamma takuuk",
	amount: func(n int) string {
		if n >= 1000 {
			return itoa(n/1000) + "." + pad3(n%1000) + " kr."
		}
		return itoa(n) + " kr."
	},
}

// topics name the top-level sections in Danish; the generator adds
// words when it needs more.
var daTopics = []string{
	"Borgerservice", "Sundhed og omsorg", "Skat og økonomi", "Bolig og byggeri",
	"Arbejde og ledighed", "Børn og familie", "Skole og uddannelse",
	"Trafik og transport", "Miljø og affald", "Kultur og fritid",
	"Ældre", "Handicap", "Erhverv", "Politik og demokrati", "Natur og klima",
	"Beredskab", "Pension", "Flytning", "Dødsfald og arv", "Digital post",
	"Klager og aktindsigt", "Vand og varme", "Idræt og foreninger",
	"Integration", "Job i kommunen", "Om kommunen", "Presse", "Høringer",
	"Planer og strategier", "Selvbetjening",
}

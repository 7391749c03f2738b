// Demo data: WhatsApp conversations a solar installer selling in several
// countries might have in a week, in the languages the product sees. Some give
// full contact details, some too little, some are spam, and some prospects come
// back from another conversation (duplicates for the review queue).

export type DemoMessage = { role: "user" | "assistant" | "agent"; text: string; minutesLater: number };
export type DemoLead = {
  name: string;
  email?: string;
  phone?: string;
  company?: string;
  productInterest?: string;
  urgencyLevel: "low" | "medium" | "high";
};
export type DemoConversation = {
  key: string;
  language: string;
  waId: string;
  profileName: string | null;
  hoursAgo: number;
  messages: DemoMessage[];
  /** What a reviewer would expect extracted; null for chats that are not leads. */
  lead: DemoLead | null;
};

export const DEMO_WORKSPACE = {
  name: "Verde Solar (demo)",
  slug: "demo",
  defaultCountry: "BR",
  timezone: "America/Sao_Paulo",
  products: ["Solar Panel Kit", "Home Battery", "EV Charger", "Maintenance Plan"],
  whatsappPhoneNumberId: "100000000000001",
  whatsappDisplayNumber: "+55 11 4000-1234",
} as const;

const m = (role: DemoMessage["role"], text: string, minutesLater = 1): DemoMessage => ({ role, text, minutesLater });

export const DEMO_CONVERSATIONS: DemoConversation[] = [
  {
    key: "pt-ana", language: "pt", waId: "5511987654321", profileName: "Ana", hoursAgo: 2,
    messages: [
      m("user", "Oi! Vi o anúncio de vocês sobre kit solar", 0),
      m("assistant", "Olá! Que bom ter você aqui. Posso saber seu nome completo?"),
      m("user", "Ana Beatriz Souza"),
      m("assistant", "Obrigado, Ana! Qual e-mail podemos usar para enviar o orçamento?"),
      m("user", "ana.souza@gmail.com"),
      m("user", "Preciso urgente, a conta de luz veio altíssima este mês", 2),
    ],
    lead: { name: "Ana Beatriz Souza", email: "ana.souza@gmail.com", phone: "+5511987654321", productInterest: "Solar Panel Kit", urgencyLevel: "high" },
  },
  {
    key: "pt-ana-return", language: "pt", waId: "5511987654321", profileName: "Ana", hoursAgo: 0.5,
    messages: [
      m("user", "Oi de novo, aqui é a Ana Beatriz Souza", 0),
      m("user", "Vocês também instalam bateria? Queria incluir no orçamento"),
      m("assistant", "Instalamos sim! Vou pedir para um consultor falar com você."),
    ],
    lead: { name: "Ana Beatriz Souza", phone: "+5511987654321", productInterest: "Home Battery", urgencyLevel: "medium" },
  },
  {
    key: "pt-carlos", language: "pt", waId: "5521998761234", profileName: "Carlão", hoursAgo: 5,
    messages: [
      m("user", "Bom dia, quero saber o preço do carregador para carro elétrico", 0),
      m("assistant", "Bom dia! Com quem eu falo?"),
      m("user", "Carlos Eduardo Lima, da Transportes Lima"),
      m("assistant", "Prazer, Carlos! Qual o melhor telefone para contato?"),
      m("user", "(21) 99876-1234"),
      m("user", "Sem pressa, estamos planejando para o ano que vem"),
    ],
    lead: { name: "Carlos Eduardo Lima", phone: "+5521998761234", company: "Transportes Lima", productInterest: "EV Charger", urgencyLevel: "low" },
  },
  {
    key: "es-lucia", language: "es", waId: "5215512345678", profileName: "Lucía M.", hoursAgo: 7,
    messages: [
      m("user", "Hola, me interesa una batería para mi casa", 0),
      m("assistant", "¡Hola! ¿Me compartes tu nombre y un correo?"),
      m("user", "Lucía Martínez, lucia.martinez@outlook.com"),
      m("user", "¿Pueden llamarme el martes por la tarde?"),
      m("assistant", "Claro, te contactamos el martes."),
    ],
    lead: { name: "Lucía Martínez", email: "lucia.martinez@outlook.com", phone: "+525512345678", productInterest: "Home Battery", urgencyLevel: "medium" },
  },
  {
    key: "es-jorge", language: "es", waId: "34612345678", profileName: "Jorge", hoursAgo: 9,
    messages: [
      m("user", "Buenas, ¿hacen mantenimiento de paneles?", 0),
      m("assistant", "Sí, tenemos un plan de mantenimiento anual. ¿Cómo te llamas?"),
      m("user", "Jorge Ruiz, de Hostal La Plaza"),
      m("user", "mi correo es jorge arroba hostallaplaza punto es"),
      m("user", "Lo necesito cuanto antes, tenemos una avería"),
    ],
    lead: { name: "Jorge Ruiz", email: "jorge@hostallaplaza.es", phone: "+34612345678", company: "Hostal La Plaza", productInterest: "Maintenance Plan", urgencyLevel: "high" },
  },
  {
    key: "en-priya", language: "en", waId: "919812345678", profileName: "Priya", hoursAgo: 11,
    messages: [
      m("user", "Hi, looking for solar panels for our office, around 20 kW", 0),
      m("assistant", "Great! May I have your name and company?"),
      m("user", "Priya Sharma, Sharma Textiles"),
      m("user", "Email is priya@sharmatextiles.in, we want to decide by next week"),
    ],
    lead: { name: "Priya Sharma", email: "priya@sharmatextiles.in", phone: "+919812345678", company: "Sharma Textiles", productInterest: "Solar Panel Kit", urgencyLevel: "medium" },
  },
  {
    key: "hi-en-rahul", language: "hi-en", waId: "919876501234", profileName: "Rahul", hoursAgo: 13,
    messages: [
      m("user", "Hello bhai, EV charger ka price kya hai?", 0),
      m("assistant", "Namaste! Aapka naam bata sakte hain?"),
      m("user", "Rahul Verma. Mera number 98765 01234 hai, jaldi call karo please"),
    ],
    lead: { name: "Rahul Verma", phone: "+919876501234", productInterest: "EV Charger", urgencyLevel: "high" },
  },
  {
    key: "de-klaus", language: "de", waId: "4915112345678", profileName: "K. Becker", hoursAgo: 20,
    messages: [
      m("user", "Guten Tag, ich interessiere mich für einen Heimspeicher.", 0),
      m("assistant", "Guten Tag! Wie ist Ihr Name?"),
      m("user", "Klaus Becker, Becker Bau GmbH. E-Mail: k.becker@beckerbau.de"),
      m("user", "Es eilt nicht, wir planen für das nächste Quartal."),
    ],
    lead: { name: "Klaus Becker", email: "k.becker@beckerbau.de", phone: "+4915112345678", company: "Becker Bau GmbH", productInterest: "Home Battery", urgencyLevel: "low" },
  },
  {
    key: "fr-camille", language: "fr", waId: "33612345678", profileName: "Camille", hoursAgo: 26,
    messages: [
      m("user", "Bonjour, je voudrais un devis pour des panneaux solaires", 0),
      m("assistant", "Bonjour ! Pouvez-vous me donner votre nom et votre e-mail ?"),
      m("user", "Camille Dubois — camille.dubois@gmial.com"),
      m("user", "C'est assez urgent, merci"),
    ],
    lead: { name: "Camille Dubois", email: "camille.dubois@gmial.com", phone: "+33612345678", productInterest: "Solar Panel Kit", urgencyLevel: "high" },
  },
  {
    key: "en-spam", language: "en", waId: "15550001111", profileName: "Promo", hoursAgo: 30,
    messages: [m("user", "CONGRATULATIONS! You won a free cruise, click bit.ly/xyz to claim", 0)],
    lead: null,
  },
  {
    key: "pt-sem-dados", language: "pt", waId: "5531991112222", profileName: null, hoursAgo: 33,
    messages: [
      m("user", "Quanto custa?", 0),
      m("assistant", "Olá! Qual produto te interessa? E qual o seu nome?"),
    ],
    lead: null,
  },
  {
    key: "pt-fernanda", language: "pt", waId: "5511976543210", profileName: "Fê", hoursAgo: 40,
    messages: [
      m("user", "Olá, sou a Fernanda Costa, gerente da Padaria Pão Quente", 0),
      m("user", "Queremos o plano de manutenção para os painéis da loja"),
      m("assistant", "Perfeito, Fernanda! Nosso telefone comercial é (11) 4000-1234 caso prefira ligar."),
      m("user", "Pode me mandar por email: fernanda@paoquente.com.br"),
    ],
    lead: { name: "Fernanda Costa", email: "fernanda@paoquente.com.br", phone: "+5511976543210", company: "Padaria Pão Quente", productInterest: "Maintenance Plan", urgencyLevel: "medium" },
  },
  {
    key: "en-mike", language: "en", waId: "447700900123", profileName: "Mike", hoursAgo: 46,
    messages: [
      m("user", "hey, do you ship the EV charger to the UK?", 0),
      m("assistant", "We do! What's your name?"),
      m("user", "Michael O'Brien"),
      m("user", "sorry my email: mike.obrien@yahoo.co.uk"),
      m("user", "No rush, just researching"),
    ],
    lead: { name: "Michael O'Brien", email: "mike.obrien@yahoo.co.uk", phone: "+447700900123", productInterest: "EV Charger", urgencyLevel: "low" },
  },
  {
    key: "es-valentina", language: "es", waId: "5491123456789", profileName: "Vale", hoursAgo: 52,
    messages: [
      m("user", "Hola! Quiero info del kit solar para casa", 0),
      m("assistant", "¡Hola! ¿Tu nombre?"),
      m("user", "Valentina Gómez"),
      m("user", "Mi cel es 11 2345-6789"),
    ],
    lead: { name: "Valentina Gómez", phone: "+5491123456789", productInterest: "Solar Panel Kit", urgencyLevel: "medium" },
  },
  {
    key: "pt-carlos-return", language: "pt", waId: "5521998761234", profileName: "Carlão", hoursAgo: 1,
    messages: [
      m("user", "Oi, Carlos da Transportes Lima de novo", 0),
      m("user", "Mudou o plano: precisamos dos carregadores ainda este mês"),
    ],
    lead: { name: "Carlos Eduardo Lima", phone: "+5521998761234", company: "Transportes Lima", productInterest: "EV Charger", urgencyLevel: "high" },
  },
  {
    key: "en-wrong-number", language: "en", waId: "12025550143", profileName: "Dave", hoursAgo: 60,
    messages: [
      m("user", "Is this the pizza place?", 0),
      m("assistant", "Sorry, this is Verde Solar."),
      m("user", "Oops wrong number"),
    ],
    lead: null,
  },
  {
    key: "pt-roberto", language: "pt", waId: "5551987651111", profileName: "Roberto", hoursAgo: 70,
    messages: [
      m("user", "Boa tarde! Tenho uma fazenda e quero kit solar", 0),
      m("assistant", "Boa tarde! Qual seu nome e e-mail?"),
      m("user", "Roberto Alves. roberto.alves arroba fazendaalves ponto com ponto br"),
      m("user", "Me liga na segunda de manhã"),
    ],
    lead: { name: "Roberto Alves", email: "roberto.alves@fazendaalves.com.br", phone: "+5551987651111", productInterest: "Solar Panel Kit", urgencyLevel: "medium" },
  },
  {
    key: "de-anna", language: "de", waId: "4917612345678", profileName: "Anna", hoursAgo: 80,
    messages: [
      m("user", "Hallo, was kostet eine Wallbox?", 0),
      m("assistant", "Hallo! Mit wem spreche ich?"),
      m("user", "Anna Schmidt. Telefon 0176 12345678"),
      m("user", "Bitte dringend zurückrufen"),
    ],
    lead: { name: "Anna Schmidt", phone: "+4917612345678", productInterest: "EV Charger", urgencyLevel: "high" },
  },
  {
    key: "fr-luc", language: "fr", waId: "33698765432", profileName: "Luc", hoursAgo: 90,
    messages: [
      m("user", "Salut, vous faites l'entretien des panneaux ?", 0),
      m("assistant", "Oui ! Quel est votre nom ?"),
      m("user", "Luc Martin, société Martin Immobilier"),
      m("user", "Mon numéro : 06 98 76 54 32, mon mail luc@martin-immo.fr"),
    ],
    lead: { name: "Luc Martin", email: "luc@martin-immo.fr", phone: "+33698765432", company: "Martin Immobilier", productInterest: "Maintenance Plan", urgencyLevel: "medium" },
  },
  {
    key: "en-sarah-invalid", language: "en", waId: "14155550199", profileName: "Sarah", hoursAgo: 100,
    messages: [
      m("user", "Hi! Interested in a home battery", 0),
      m("assistant", "Lovely! Name and best contact?"),
      m("user", "Sarah Johnson, call me at 555-0199"),
    ],
    lead: { name: "Sarah Johnson", phone: "+14155550199", productInterest: "Home Battery", urgencyLevel: "medium" },
  },
  {
    key: "hi-en-neha", language: "hi-en", waId: "919900112233", profileName: "Neha", hoursAgo: 110,
    messages: [
      m("user", "Hi, mujhe ghar ke liye solar panel chahiye", 0),
      m("assistant", "Sure! Aapka naam?"),
      m("user", "Neha Gupta. Email neha.gupta@gmail.com"),
      m("user", "Koi jaldi nahi hai, next month tak dekh lenge"),
    ],
    lead: { name: "Neha Gupta", email: "neha.gupta@gmail.com", phone: "+919900112233", productInterest: "Solar Panel Kit", urgencyLevel: "low" },
  },
  {
    key: "es-pedro-dup-email", language: "es", waId: "573001234567", profileName: "Pedro", hoursAgo: 120,
    messages: [
      m("user", "Hola, soy Pedro Sánchez de Café Montaña", 0),
      m("user", "Queremos cargadores para la flota: pedro@cafemontana.co"),
    ],
    lead: { name: "Pedro Sánchez", email: "pedro@cafemontana.co", phone: "+573001234567", company: "Café Montaña", productInterest: "EV Charger", urgencyLevel: "medium" },
  },
  {
    key: "es-pedro-other-phone", language: "es", waId: "573109876543", profileName: "P. Sánchez", hoursAgo: 3,
    messages: [
      m("user", "Hola, Pedro Sánchez otra vez, escribo desde otro número", 0),
      m("user", "Mi correo sigue siendo pedro@cafemontana.co, ¿hay novedades?"),
    ],
    lead: { name: "Pedro Sánchez", email: "pedro@cafemontana.co", phone: "+573109876543", company: "Café Montaña", productInterest: "EV Charger", urgencyLevel: "medium" },
  },
  {
    key: "pt-juliana", language: "pt", waId: "5585988887777", profileName: "Ju", hoursAgo: 130,
    messages: [
      m("user", "Oi, meu nome é Juliana Ribeiro", 0),
      m("user", "Tenho interesse na bateria, é pra ontem!"),
      m("assistant", "Oi Juliana! Podemos te ligar neste número?"),
      m("user", "Pode sim"),
    ],
    lead: { name: "Juliana Ribeiro", phone: "+5585988887777", productInterest: "Home Battery", urgencyLevel: "high" },
  },
  {
    key: "en-tom-agent", language: "en", waId: "61412345678", profileName: "Tom", hoursAgo: 150,
    messages: [
      m("user", "G'day, after a quote on panels plus battery", 0),
      m("agent", "Hi Tom, Marta here from Verde Solar. Who am I speaking with and at which company?"),
      m("user", "Tom Nguyen, Nguyen Electrical"),
      m("user", "tom@nguyenelectrical.com.au — sometime next month is fine"),
    ],
    lead: { name: "Tom Nguyen", email: "tom@nguyenelectrical.com.au", phone: "+61412345678", company: "Nguyen Electrical", productInterest: "Solar Panel Kit", urgencyLevel: "low" },
  },
  {
    key: "pt-opt-out", language: "pt", waId: "5511955554444", profileName: "Marcos", hoursAgo: 160,
    messages: [
      m("assistant", "Olá Marcos! Ainda tem interesse no kit solar?", 0),
      m("user", "PARAR"),
    ],
    lead: null,
  },
  {
    key: "es-sofia", language: "es", waId: "56912345678", profileName: "Sofía", hoursAgo: 170,
    messages: [
      m("user", "Hola! Necesito un plan de mantenimiento urgente, se rompió un inversor", 0),
      m("assistant", "¡Hola! ¿Nombre y correo?"),
      m("user", "Sofía Herrera, sofia.herrera@gmail.com"),
    ],
    lead: { name: "Sofía Herrera", email: "sofia.herrera@gmail.com", phone: "+56912345678", productInterest: "Maintenance Plan", urgencyLevel: "high" },
  },
  {
    key: "de-no-name", language: "de", waId: "4915798765432", profileName: "Handy", hoursAgo: 180,
    messages: [
      m("user", "Schicken Sie mir bitte Infos zu Solarmodulen", 0),
      m("assistant", "Gern! Wie heißen Sie?"),
    ],
    lead: null,
  },
  {
    key: "en-grace", language: "en", waId: "2348031234567", profileName: "Grace", hoursAgo: 190,
    messages: [
      m("user", "Hello, I run Adeyemi Foods and we want solar for the factory", 0),
      m("assistant", "Wonderful! Your name please?"),
      m("user", "Grace Adeyemi. grace@adeyemifoods.ng. We need it ASAP, the generator costs are killing us"),
    ],
    lead: { name: "Grace Adeyemi", email: "grace@adeyemifoods.ng", phone: "+2348031234567", company: "Adeyemi Foods", productInterest: "Solar Panel Kit", urgencyLevel: "high" },
  },
  {
    key: "pt-paulo", language: "pt", waId: "5541999990000", profileName: "Paulo", hoursAgo: 200,
    messages: [
      m("user", "Olá, queria orçamento do carregador veicular", 0),
      m("assistant", "Olá! Seu nome?"),
      m("user", "Paulo Mendes. paulo.mendes@hotmail.com"),
      m("user", "Pode ser semana que vem"),
    ],
    lead: { name: "Paulo Mendes", email: "paulo.mendes@hotmail.com", phone: "+5541999990000", productInterest: "EV Charger", urgencyLevel: "medium" },
  },
];

const greeting = "¡Hola, 世界! 😀";  // emoji: 🎉
const ñ = `café ${greeting}`;
